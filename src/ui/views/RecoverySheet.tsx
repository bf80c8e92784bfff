import { useState } from 'preact/hooks';
import { enterVault } from '../app-state.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { asUiError, engine } from '../engine-client.ts';
import { errorText } from '../error-text.ts';
import { formatDate, t } from '../i18n/index.ts';

export interface RecoverySheetProps {
  label: string;
  createdAt: string;
  recoveryKey: string;
}

/** The printable recovery sheet shown once after creation; "Continue" waits for the user to confirm it is saved. */
export function RecoverySheet({ label, createdAt, recoveryKey }: RecoverySheetProps) {
  const d = t();
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const groups = recoveryKey.split('-');

  const proceed = async () => {
    try {
      const info = await engine().current();
      if (info) enterVault(info);
      else setFailure(d.errLocked);
    } catch (e) {
      setFailure(errorText(asUiError(e)));
    }
  };

  return (
    <section class="panel recovery-sheet">
      <PageHeading>{d.recoveryHeading}</PageHeading>
      <dl class="sheet-meta">
        <div>
          <dt>{d.recoveryVault}</dt>
          <dd>{label}</dd>
        </div>
        <div>
          <dt>{d.recoveryCreated}</dt>
          <dd>{formatDate(createdAt)}</dd>
        </div>
      </dl>
      <h2 class="sheet-key-title">{d.recoveryKey}</h2>
      <div class="sheet-key-row">
        <p class="recovery-key" data-testid="recovery-key" translate={false}>
          {groups.map((g, i) => (
            <span key={i} class="key-group">
              {i < groups.length - 1 ? `${g}-` : g}
            </span>
          ))}
        </p>
        <QrCode text={recoveryKey} label={d.recoveryQr} />
      </div>
      <ul class="sheet-instructions">
        {d.recoveryInstructions.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div class="no-print">
        <p>
          <button type="button" onClick={() => window.print()}>
            {d.print}
          </button>
        </p>
        <p class="check">
          <input id="recovery-saved" type="checkbox" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
          <label for="recovery-saved">{d.savedCheckbox}</label>
        </p>
        {failure && <p role="alert" class="alert">{failure}</p>}
        <p>
          <button type="button" class="primary" disabled={!saved} onClick={proceed}>
            {d.continue}
          </button>
        </p>
      </div>
    </section>
  );
}
