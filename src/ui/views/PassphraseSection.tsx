import { useEffect, useState } from 'preact/hooks';
import { uiError } from '../app-state.ts';
import { Field } from '../components/Field.tsx';
import { engine } from '../engine-client.ts';
import { errorText } from '../error-text.ts';
import { t } from '../i18n/index.ts';

type Key = 'current' | 'next' | 'repeat';
const MIN_PASSPHRASE = 8;

/** Changes the signed-in operator's passphrase; a recovery-key session gets a note instead. */
export function PassphraseSection() {
  const d = t();
  const [v, setV] = useState<Record<Key, string>>({ current: '', next: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [recovery, setRecovery] = useState(false);

  useEffect(() => {
    engine()
      .listSlots()
      .then((slots) => setRecovery(slots.some((s) => s.current && s.kind === 'recovery')), (e) => uiError(e));
  }, []);

  const set = (k: Key) => (value: string) => setV((old) => ({ ...old, [k]: value }));

  const submit = async (e: Event) => {
    e.preventDefault();
    setStatus(null);
    setAlert(null);
    const found: Partial<Record<Key, string>> = {};
    if (!v.current) found.current = d.errCurrentPassphrase;
    if (v.next.length < MIN_PASSPHRASE) found.next = d.errPassphraseShort;
    if (v.repeat !== v.next) found.repeat = d.errPassphraseMismatch;
    setErrors(found);
    const first = (Object.keys(found) as Key[])[0];
    if (first) {
      document.getElementById(`pw-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await engine().changePassphrase(v.current, v.next);
      setV({ current: '', next: '', repeat: '' });
      setStatus(d.passphraseChanged);
    } catch (err) {
      const ue = uiError(err);
      if (ue.code === 'WRONG_PASSPHRASE' || ue.code === 'AUTH_FAILED') {
        setErrors({ current: d.errCurrentPassphrase });
        document.getElementById('pw-current')?.focus();
      } else {
        setAlert(errorText(ue));
      }
    }
    setBusy(false);
  };

  return (
    <section class="card" aria-labelledby="passphrase-heading">
      <h2 id="passphrase-heading">{d.changePassphrase}</h2>
      {recovery ? (
        <p class="notice">{d.recoverySessionNote}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field id="pw-current" type="password" label={d.currentPassphrase} value={v.current} onInput={set('current')} error={errors.current} autoComplete="current-password" disabled={busy} />
          <Field id="pw-next" type="password" label={d.newPassphrase} hint={d.passphraseHint} value={v.next} onInput={set('next')} error={errors.next} autoComplete="new-password" disabled={busy} />
          <Field id="pw-repeat" type="password" label={d.repeatNewPassphrase} value={v.repeat} onInput={set('repeat')} error={errors.repeat} autoComplete="new-password" disabled={busy} />
          {alert && <p role="alert" class="alert">{alert}</p>}
          {status && <p role="status" class="ok">{status}</p>}
          <button type="submit" disabled={busy}>
            {d.changePassphrase}
          </button>
          <p aria-live="polite" class="busy">{busy ? d.deriving : ''}</p>
        </form>
      )}
    </section>
  );
}
