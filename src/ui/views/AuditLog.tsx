import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../../engine/audit.ts';
import type { AuditVerification, Page } from '../../engine/types.ts';
import { uiError } from '../app-state.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { engine } from '../engine-client.ts';
import { errorText } from '../error-text.ts';
import { formatDateTime, t, type Dict } from '../i18n/index.ts';

const PAGE = 50;

function dataText(d: Dict, data: Record<string, string | number | boolean> | undefined): string {
  if (!data) return '';
  return Object.entries(data)
    .map(([k, v]) => `${d.dataKeys[k] ?? k}: ${typeof v === 'string' ? (d.dataValues[v] ?? v) : String(v)}`)
    .join('; ');
}

function EntryRow({ e }: { e: AuditEntry }) {
  const d = t();
  if ('damaged' in e) {
    return (
      <tr class="damaged-row">
        <td>{e.seq}</td>
        <td colSpan={5}>
          <span class="badge danger-badge">{d.damagedEntry}</span> {e.code}
        </td>
      </tr>
    );
  }
  const actor = e.actor === 'recovery key' ? d.recoveryActor : e.actor;
  return (
    <tr>
      <td>{e.seq}</td>
      <td class="nowrap">{formatDateTime(e.time)}</td>
      <td>{actor}</td>
      <td>{d.actions[e.action] ?? e.action}</td>
      <td class="mono">{e.subjects.map((s) => s.slice(0, 8)).join(' ')}</td>
      <td>{dataText(d, e.data)}</td>
    </tr>
  );
}

function VerifyResult({ v }: { v: AuditVerification }) {
  const d = t();
  if (v.ok) return <p role="status" class="ok">{d.auditVerified(v.count)}</p>;
  const p = v.problems[0]!;
  return (
    <p role="alert" class="alert">
      {d.auditFailed(p.seq, d.chainProblems[p.kind])}
    </p>
  );
}

/** The audit log, newest first, fifty events a page, with a check of the whole hash chain. */
export function AuditLog() {
  const d = t();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<AuditEntry> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [result, setResult] = useState<AuditVerification | null>(null);

  useEffect(() => {
    engine()
      .auditEvents(offset, PAGE)
      .then(setPage, (e) => setError(errorText(uiError(e))));
  }, [offset]);

  const verify = async () => {
    setVerifying(true);
    setResult(null);
    try {
      setResult(await engine().verifyAudit());
    } catch (e) {
      setError(errorText(uiError(e)));
    }
    setVerifying(false);
  };

  const total = page?.total ?? 0;
  const from = Math.max(1, total - offset - PAGE + 1);
  const to = total - offset;
  return (
    <section>
      <div class="title-row">
        <PageHeading>{d.auditHeading}</PageHeading>
        <button type="button" onClick={verify} disabled={verifying}>
          {d.verifyAudit}
        </button>
      </div>
      <p aria-live="polite" class="busy">{verifying ? d.verifying : ''}</p>
      {result && <VerifyResult v={result} />}
      {error && <p role="alert" class="alert">{error}</p>}
      {!page && !error && <p class="muted">{d.loading}</p>}
      {page && total === 0 && <p class="empty">{d.auditEmpty}</p>}
      {page && total > 0 && (
        <>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={d.auditHeading}>
            <table class="audit-table">
              <caption>{d.auditRange(from, to, total)}</caption>
              <thead>
                <tr>
                  <th scope="col">{d.colSeq}</th>
                  <th scope="col">{d.colTime}</th>
                  <th scope="col">{d.colActor}</th>
                  <th scope="col">{d.colAction}</th>
                  <th scope="col">{d.colSubjects}</th>
                  <th scope="col">{d.colData}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <EntryRow key={e.seq} e={e} />
                ))}
              </tbody>
            </table>
          </div>
          <div class="actions">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {d.newer}
            </button>
            <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              {d.older}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
