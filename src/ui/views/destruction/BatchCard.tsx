import { useState } from 'preact/hooks';
import type { BatchInfo, ExecuteProgress } from '../../../engine/destruction/types.ts';
import { uiError } from '../../app-state.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { callback, engine } from '../../engine-client.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { ApproveForm } from './ApproveForm.tsx';
import { destructionErrorText } from './destruction-words.ts';
import { go } from './route.ts';
import { refreshRun } from './run-state.ts';

function Copies({ b }: { b: BatchInfo }) {
  const d = t().destruction;
  const a = t().archive;
  if (!b.copies.length) return null;
  return (
    <>
      <h4>{d.copiesHeading}</h4>
      <ul class="copy-list">
        {b.copies.map((c) => (
          <li key={c.copyId}>
            <strong>{c.bundle}</strong> · {d.copyLegend(a.media[c.medium as keyof typeof a.media] ?? c.medium, c.location, c.holder)} ·{' '}
            {c.decision === 'keep' ? d.copyKept(c.reason ?? '') : c.entrySeq !== undefined ? d.copyRecorded(c.entrySeq) : <span class="alert-text">{d.copyPending}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** One batch: its scope, copies, approval, execution with progress, and the way to its entries and certificate. */
export function BatchCard({ b, onChange }: { b: BatchInfo; onChange: (b: BatchInfo) => void }) {
  const d = t().destruction;
  const [confirm, setConfirm] = useState(false);
  const [progress, setProgress] = useState<ExecuteProgress | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = b.kind === 'custody-key' ? d.keyBatch(b.key?.label ?? '') : b.number;

  const execute = async () => {
    setConfirm(false);
    setBusy(true);
    setFailure(null);
    setMsg(null);
    try {
      const r = await engine().destructionExecute(b.id, callback((p: ExecuteProgress) => setProgress(p)));
      const skipped = r.skipped?.length ? ` ${d.skipped(r.skipped.map((x) => `${x.customerNo} (${d.reasons[x.reason]})`).join(', '))}` : '';
      setMsg(r.already ? d.already : d.executed(r.records, r.packsChecked) + skipped);
      const ov = await engine().destructionOverview();
      const next = ov.batches.find((x) => x.id === b.id);
      if (next) onChange(next);
    } catch (err) {
      setFailure(destructionErrorText(uiError(err)));
    } finally {
      setBusy(false);
      setProgress(null);
      void refreshRun();
    }
  };

  const cancel = async () => {
    setFailure(null);
    try {
      onChange(await engine().destructionCancel(b.id));
    } catch (err) {
      setFailure(destructionErrorText(uiError(err)));
    }
  };

  const canExecute = b.kind === 'records' && b.records > 0 && (b.state === 'approved' || b.state === 'executing');
  return (
    <li class="card batch-card">
      <h3>
        {title} <span class={`badge state-${b.state}`}>{d.states[b.state]}</span> {b.complete && <span class="badge verified-badge">{d.complete}</span>}
      </h3>
      {b.kind === 'custody-key' && <p class="mono small">{b.number}</p>}
      <p class="small">
        {b.kind === 'records' && <>{d.batchSummary(b.records, b.copies.length)} · </>}
        {d.createdBy(b.createdBy, formatDateTime(b.createdAt))}
      </p>
      {b.note && <p class="small">{b.note}</p>}
      {b.customerNos.length > 0 && (
        <details>
          <summary>{d.customerNos}</summary>
          <p class="mono small wrap">{b.customerNos.join(' ')}</p>
        </details>
      )}
      <Copies b={b} />
      {b.approval && (
        <p class="small">
          {d.approvedBy(b.approval.approver, b.approval.by, formatDateTime(b.approval.at))}
          {b.approval.second && <> · {d.secondBy(b.approval.second.label)}</>}
        </p>
      )}
      {b.state === 'planned' && <ApproveForm batch={b} onDone={onChange} />}
      {progress && (
        <div class="progress-block">
          <progress max={progress.total} value={progress.done} aria-label={d.progress(progress.done, progress.total)} />
          <p role="status">{progress.phase === 'verifying' ? d.verifying : d.progress(progress.done, progress.total)}</p>
        </div>
      )}
      {msg && (
        <p role="status" class="ok">
          {msg}
        </p>
      )}
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
      <div class="actions no-print">
        {canExecute && (
          <button type="button" class="danger" disabled={busy} onClick={() => (b.state === 'executing' ? void execute() : setConfirm(true))}>
            {b.state === 'executing' ? d.completeNow : d.execute}
          </button>
        )}
        {(b.state === 'planned' || b.state === 'approved') && (
          <button type="button" disabled={busy} onClick={() => void cancel()}>
            {d.cancelBatch}
          </button>
        )}
        {b.kind === 'records' && (b.state === 'approved' || b.state === 'executed') && (
          <button type="button" disabled={busy} onClick={() => go('record', b.id)}>
            {d.recordForBatch}
          </button>
        )}
        {b.entries.length > 0 && (
          <button type="button" disabled={busy} onClick={() => go('certificate', b.id)}>
            {d.certificate} {b.number}
          </button>
        )}
      </div>
      {confirm && <ConfirmDialog title={d.executeTitle(b.records)} body={d.executeBody} confirmLabel={d.executeConfirm} onConfirm={() => void execute()} onClose={() => setConfirm(false)} />}
    </li>
  );
}
