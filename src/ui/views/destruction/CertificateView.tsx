import { useEffect, useState } from 'preact/hooks';
import type { CertificateData, EntryInfo } from '../../../engine/destruction/types.ts';
import { uiError } from '../../app-state.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QrCode } from '../../components/QrCode.tsx';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { CERT } from '../../i18n/destruction.ts';
import { destructionErrorText } from './destruction-words.ts';
import { go } from './route.ts';
import './destruction-print.css';

/** A label in both languages: Chinese, then English. */
function L({ k }: { k: keyof typeof CERT }) {
  const [zh, en] = CERT[k];
  return (
    <>
      <span lang="zh-CN">{zh}</span> <span lang="en">{en}</span>
    </>
  );
}

const iso = (s: string) => s.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');

function Row({ k, children }: { k: keyof typeof CERT; children: preact.ComponentChildren }) {
  return (
    <tr>
      <th scope="row">
        <L k={k} />
      </th>
      <td>{children}</td>
    </tr>
  );
}

function Entry({ e }: { e: EntryInfo }) {
  const d = t().destruction;
  const what = e.kind === 'electronic' || e.kind === 'vault' ? `${d.entryKinds[e.kind]}: ${e.recordTotal}` : e.items.map((i) => `${i.description} × ${i.count}${i.serial ? ` (${i.serial})` : ''}`).join('; ');
  return (
    <section class="cert-entry">
      <h2>
        #{e.seq} · <span class="mono">{e.batch}</span> · {d.entryKinds[e.kind]}
      </h2>
      <table class="cert-table">
        <tbody>
          <Row k="media">
            {what}
            {e.bundles.length > 0 && <> · {e.bundles.join(', ')}</>}
          </Row>
          <Row k="method">
            {e.method.technique} — {e.method.category.toUpperCase()}
          </Row>
          <Row k="tool">{e.method.tool ?? '—'}</Row>
          <Row k="verification">{e.verification ?? '—'}</Row>
          <Row k="person">{e.performer}</Row>
          <Row k="witness">{e.witnesses.length ? e.witnesses.join(', ') : '—'}</Row>
          <Row k="date">{iso(e.time)}</Row>
          <Row k="place">{e.place}</Row>
          {e.records.length > 0 && (
            <Row k="records">
              <span class="mono small">{e.records.map((r) => r.customerNo).join(' ')}</span>
              {e.recordTotal > e.records.length && <> … ({e.recordTotal})</>}
            </Row>
          )}
          {e.photos.length > 0 && (
            <Row k="photos">
              {e.photos.map((p) => (
                <span key={p.id} class="mono small block wrap">
                  {p.sha256}
                </span>
              ))}
            </Row>
          )}
        </tbody>
      </table>
    </section>
  );
}

function SignLine({ k }: { k: keyof typeof CERT }) {
  return (
    <div class="sign-line">
      <span>
        <L k={k} />
      </span>
      <span class="sign-blank" aria-hidden="true" />
      <span>
        <L k="signDate" />
      </span>
      <span class="sign-blank short" aria-hidden="true" />
    </div>
  );
}

/** The certificate's sheet: bilingual, printable; also shown for the final export of a vault. */
export function Certificate({ c, inline = false }: { c: CertificateData; inline?: boolean }) {
  const electronic = c.entries.some((e) => e.kind === 'electronic' || e.kind === 'vault');
  const qr = `closeout-destruction-log count=${c.head.count} head=${c.head.hash} key=${c.keyId}`;
  return (
    <article class="certificate">
      {inline ? (
        <h3>
          <L k={c.batch ? 'titleBatch' : 'title'} />
        </h3>
      ) : (
        <PageHeading>
          <L k={c.batch ? 'titleBatch' : 'title'} />
        </PageHeading>
      )}
      <table class="cert-table">
        <tbody>
          <Row k="vault">{c.vaultLabel}</Row>
          {c.batch ? <Row k="batch">{c.batch.number}</Row> : <tr><td colSpan={2}><L k="scopeAll" /></td></tr>}
          {c.approvals.map((a) => (
            <Row key={a.number} k="approval">
              {a.number}: {a.approver} ({iso(a.at)}){a.second && <> · {a.second.label}</>}
            </Row>
          ))}
          <Row k="generated">{iso(c.generatedAt)}</Row>
        </tbody>
      </table>
      {c.entries.map((e) => (
        <Entry key={e.seq} e={e} />
      ))}
      {electronic && (
        <p class="small cert-note">
          <span lang="zh-CN">{CERT.electronicNote[0]}</span> <span lang="en">{CERT.electronicNote[1]}</span>
        </p>
      )}
      <section class="cert-proof">
        <div>
          <p>
            <L k="entries" />: {c.head.count}
          </p>
          <p>
            <L k="logHead" />
          </p>
          <p class="mono wrap">{c.head.hash}</p>
          <p>
            <L k="keyId" />: <span class="mono">{c.keyId}</span>
          </p>
          <p class="small">
            <L k="verify" />
          </p>
        </div>
        <QrCode text={qr} label={`${CERT.qr[0]} ${CERT.qr[1]}`} />
      </section>
      <section class="cert-signatures">
        <SignLine k="sanitizedBy" />
        <SignLine k="verifiedBy" />
      </section>
      {c.accounting && (
        <section class="cert-signatures">
          <h2>
            <L k="signoff" />
          </h2>
          <SignLine k="unitHead" />
          <SignLine k="archivesHead" />
          <SignLine k="accountingHead" />
          <SignLine k="staffPresent" />
        </section>
      )}
    </article>
  );
}

/** The certificate of a batch, or with null of the whole wind-down, with Print and Back. */
export function CertificateView({ batchId }: { batchId: string | null }) {
  const d = t().destruction;
  const [c, setC] = useState<CertificateData | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    engine()
      .destructionCertificate(batchId)
      .then(setC, (e) => setFailure(destructionErrorText(uiError(e))));
  }, [batchId]);
  return (
    <section class="print-view destruction">
      <div class="actions no-print">
        <button type="button" onClick={() => go(batchId ? 'batches' : 'log')}>
          {d.back}
        </button>
        <button type="button" class="primary" onClick={() => window.print()} disabled={!c}>
          {d.print}
        </button>
      </div>
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
      {!c && !failure && <p class="busy" aria-live="polite">{t().loading}</p>}
      {c && <Certificate c={c} />}
    </section>
  );
}
