import { useState } from 'preact/hooks';
import type { FinalExport } from '../../../engine/destruction/types.ts';
import { lockVault, screen, session, uiError } from '../../app-state.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Field } from '../../components/Field.tsx';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { Certificate } from './CertificateView.tsx';
import { destructionErrorText } from './destruction-words.ts';
import { saveLog } from './LogPage.tsx';

/** A vault's end of life: the final log and certificate saved first, then every key slot and row deleted. */
export function EndPage() {
  const d = t().destruction;
  const [final, setFinal] = useState<FinalExport | null>(null);
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [showCert, setShowCert] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportFinal = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const f = await engine().vaultFinalExport();
      saveLog(f);
      setFinal(f);
    } catch (e) {
      setFailure(destructionErrorText(uiError(e)));
    } finally {
      setBusy(false);
    }
  };

  const ask = (e: Event) => {
    e.preventDefault();
    if (label.trim() !== session.value?.label) return setLabelError(d.errLabel);
    setLabelError(null);
    setConfirm(true);
  };

  const destroy = async () => {
    setConfirm(false);
    if (!final) return;
    setBusy(true);
    try {
      await engine().vaultDestroy(final.token, label.trim());
      await lockVault('manual');
      screen.value = { name: 'vaults' };
    } catch (e) {
      setFailure(destructionErrorText(uiError(e)));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="end-heading">
      <h2 id="end-heading">{d.endHeading}</h2>
      <p>{d.endIntro}</p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void exportFinal()}>
          {d.finalExport}
        </button>
      </div>
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
      {final && (
        <>
          <p role="status" class="ok">
            {d.finalSaved}
          </p>
          <button type="button" onClick={() => setShowCert((x) => !x)}>
            {d.viewCertificate}
          </button>
          {showCert && (
            <div class="print-view">
              <Certificate c={final.certificate} inline />
            </div>
          )}
          <form class="subform" onSubmit={ask} noValidate aria-labelledby="destroy-title">
            <h3 id="destroy-title">{d.destroyVault}</h3>
            <Field id="destroy-label" label={d.confirmLabel} value={label} onInput={setLabel} error={labelError} disabled={busy} />
            <div class="actions">
              <button type="submit" class="danger" disabled={busy}>
                {d.destroyVault}
              </button>
            </div>
          </form>
        </>
      )}
      {confirm && <ConfirmDialog title={d.destroyTitle} body={d.destroyBody} confirmLabel={d.destroyVault} onConfirm={() => void destroy()} onClose={() => setConfirm(false)} />}
    </section>
  );
}
