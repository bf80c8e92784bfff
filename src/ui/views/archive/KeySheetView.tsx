import { QrCode } from '../../components/QrCode.tsx';
import type { KeySheet } from '../../../engine/archive/types.ts';
import { formatDate, t } from '../../i18n/index.ts';
import './archive-print.css';

/**
 * The printable key sheet of a custody key: the secret as text and as a QR code, the public
 * key, the copy's registered place and holder, and how to use it with `age` in twenty years.
 */
export function KeySheetView({ sheet, onDone }: { sheet: KeySheet; onDone: () => void }) {
  const d = t().archive;
  return (
    <section class="key-sheet" aria-labelledby="key-sheet-heading">
      <h2 id="key-sheet-heading">{d.sheetHeading(sheet.label)}</h2>
      <dl class="sheet-meta">
        <div>
          <dt>{t().recoveryVault}</dt>
          <dd>{sheet.vaultLabel}</dd>
        </div>
        <div>
          <dt>{d.sheetCreated}</dt>
          <dd>{formatDate(sheet.createdAt)}</dd>
        </div>
        <div>
          <dt>{d.copyLocation}</dt>
          <dd>{sheet.copy.location}</dd>
        </div>
        <div>
          <dt>{d.copyHolder}</dt>
          <dd>{sheet.copy.holder}</dd>
        </div>
      </dl>
      <h3>{d.sheetSecret}</h3>
      <div class="sheet-key-row">
        <p class="recovery-key key-secret" data-testid="custody-identity" translate={false}>
          {sheet.identity}
        </p>
        <QrCode text={sheet.identity} label={d.sheetQr} />
      </div>
      <h3>{d.sheetPublic}</h3>
      <p class="mono wrap" translate={false}>
        {sheet.recipient}
      </p>
      <h3>{d.sheetHowTo}</h3>
      <ol class="sheet-instructions">
        {d.sheetSteps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <pre class="mono sheet-command" translate={false}>{`age -d -i custody-key.txt -o payload.zip payload.age`}</pre>
      <p class="small">{d.sheetWarning}</p>
      <div class="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t().print}
        </button>
        <button type="button" class="primary" onClick={onDone}>
          {d.sheetDone}
        </button>
      </div>
    </section>
  );
}
