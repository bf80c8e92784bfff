import { useState } from 'preact/hooks';
import { session, uiError } from '../app-state.ts';
import { Field } from '../components/Field.tsx';
import { engine } from '../engine-client.ts';
import { errorText } from '../error-text.ts';
import { t } from '../i18n/index.ts';

/** Sets the vault's auto-lock delay (1–120 minutes); the running timer picks it up at once. */
export function AutoLockSection() {
  const d = t();
  const [minutes, setMinutes] = useState(String(session.value?.settings.autoLockMinutes ?? 5));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setStatus(null);
    const m = Number(minutes);
    if (!Number.isInteger(m) || m < 1 || m > 120) {
      setError(d.errAutoLockRange);
      document.getElementById('autolock-minutes')?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const settings = await engine().setSettings({ autoLockMinutes: m });
      if (session.value) session.value = { ...session.value, settings };
      setStatus(d.autoLockSaved(settings.autoLockMinutes));
    } catch (err) {
      const ue = uiError(err);
      setError(ue.code === 'INVALID_INPUT' ? d.errAutoLockRange : errorText(ue));
    }
    setBusy(false);
  };

  return (
    <section class="card" aria-labelledby="autolock-heading">
      <h2 id="autolock-heading">{d.autoLock}</h2>
      <form onSubmit={submit} noValidate>
        <Field id="autolock-minutes" type="number" label={d.autoLockMinutes} hint={d.autoLockHint} value={minutes} onInput={setMinutes} error={error} min={1} max={120} inputMode="numeric" disabled={busy} />
        {status && <p role="status" class="ok">{status}</p>}
        <button type="submit" disabled={busy}>
          {d.saveAutoLock}
        </button>
      </form>
    </section>
  );
}
