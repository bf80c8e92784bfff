import { CATEGORIES } from '../../../core/domain/fields.ts';
import type { VerifiedBundle } from '../../../engine/archive/types.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { formatBytes, shortKey } from './archive-words.ts';

/** What a verified bundle's manifest says, and who signed it: shown before any key is asked for. */
export function BundleFacts({ v }: { v: VerifiedBundle }) {
  const d = t().archive;
  const app = t();
  const m = v.manifest;
  return (
    <section class="ok" aria-labelledby="verified-heading">
      <h2 id="verified-heading">{d.verified(m.number)}</h2>
      <p class="small">{v.signedHere === true ? d.signedHere(v.keyId) : d.signedElsewhere(v.keyId)}</p>
      {v.registered === true && <p class="small">{d.inRegister}</p>}
      <dl class="meta-list">
        <div>
          <dt>{d.exportedAt}</dt>
          <dd>{formatDateTime(m.createdAt)}</dd>
        </div>
        <div>
          <dt>{d.contents}</dt>
          <dd>{d.contentsText(m.counts.records, m.counts.attachments, m.counts.auditEvents, formatBytes(v.size))}</dd>
        </div>
        <div>
          <dt>{app.byCategory}</dt>
          <dd>{CATEGORIES.map((c) => `${app.categories[c]} ${m.counts.byCategory[c]}`).join(' · ')}</dd>
        </div>
        <div>
          <dt>{d.recipients}</dt>
          <dd>{v.passphrase ? d.recipientPassphrase : m.payload.recipients.map(shortKey).join(', ')}</dd>
        </div>
        <div>
          <dt>{d.payloadHash}</dt>
          <dd class="mono wrap small">{m.payload.sha256}</dd>
        </div>
        <div>
          <dt>{d.appVersion}</dt>
          <dd>{m.app.version}</dd>
        </div>
      </dl>
    </section>
  );
}
