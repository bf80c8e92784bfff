import { useState } from 'preact/hooks';
import { screen } from '../app-state.ts';
import { Field } from '../components/Field.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { StrengthMeter } from '../components/StrengthMeter.tsx';
import { asUiError, engine } from '../engine-client.ts';
import { errorText } from '../error-text.ts';
import { t, type Dict } from '../i18n/index.ts';
import { requestPersistence } from '../storage-status.ts';

type Key = 'label' | 'operator' | 'passphrase' | 'repeat';
type Values = Record<Key, string>;
type Errors = Partial<Record<Key, string>>;

const MIN_PASSPHRASE = 8;
const MAX_LABEL = 80;

function validate(v: Values, d: Dict): Errors {
  const e: Errors = {};
  if (!v.label.trim()) e.label = d.errLabelRequired;
  else if (v.label.trim().length > MAX_LABEL) e.label = d.errLabelTooLong;
  if (!v.operator.trim()) e.operator = d.errOperatorRequired;
  if (v.passphrase.length < MIN_PASSPHRASE) e.passphrase = d.errPassphraseShort;
  if (v.repeat !== v.passphrase) e.repeat = d.errPassphraseMismatch;
  return e;
}

/** The create-vault form: checks everything inline, sends nothing until it is all valid. */
export function CreateVault() {
  const d = t();
  const [v, setV] = useState<Values>({ label: '', operator: '', passphrase: '', repeat: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const set = (k: Key) => (value: string) => {
    setV((old) => ({ ...old, [k]: value }));
    if (errors[k]) setErrors((old) => ({ ...old, [k]: undefined }));
  };
  const blur = (k: Key) => () => {
    if (!v[k] && k !== 'repeat') return;
    if (k === 'repeat' && !v.repeat) return;
    setErrors((old) => ({ ...old, [k]: validate(v, d)[k] }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validate(v, d);
    setErrors(found);
    setFailure(null);
    const first = (Object.keys(found) as Key[])[0];
    if (first) {
      document.getElementById(`create-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await engine().createVault({ label: v.label.trim(), operator: v.operator.trim(), passphrase: v.passphrase });
      void requestPersistence();
      screen.value = { name: 'recovery', label: created.session.label, createdAt: new Date().toISOString(), recoveryKey: created.recoveryKey };
    } catch (err) {
      const ue = asUiError(err);
      const field = ue.details?.field;
      if (ue.code === 'INVALID_INPUT' && (field === 'label' || field === 'operator' || field === 'passphrase')) {
        setErrors({ [field]: field === 'label' ? d.errLabelRequired : field === 'operator' ? d.errOperatorRequired : d.errPassphraseShort });
      } else {
        setFailure(errorText(ue));
      }
      setBusy(false);
    }
  };

  return (
    <section class="panel narrow">
      <PageHeading>{d.createHeading}</PageHeading>
      <form onSubmit={submit} noValidate>
        <Field id="create-label" label={d.vaultLabel} hint={d.vaultLabelHint} value={v.label} onInput={set('label')} onBlur={blur('label')} error={errors.label} disabled={busy} />
        <Field id="create-operator" label={d.operatorName} hint={d.operatorHint} value={v.operator} onInput={set('operator')} onBlur={blur('operator')} error={errors.operator} autoComplete="name" disabled={busy} />
        <Field
          id="create-passphrase"
          type="password"
          label={d.passphrase}
          hint={d.passphraseHint}
          value={v.passphrase}
          onInput={set('passphrase')}
          onBlur={blur('passphrase')}
          error={errors.passphrase}
          autoComplete="new-password"
          disabled={busy}
        />
        <StrengthMeter passphrase={v.passphrase} />
        <Field id="create-repeat" type="password" label={d.repeatPassphrase} value={v.repeat} onInput={set('repeat')} onBlur={blur('repeat')} error={errors.repeat} autoComplete="new-password" disabled={busy} />
        <p class="muted small">{d.persistWhy}</p>
        {failure && <p role="alert" class="alert">{failure}</p>}
        <div class="actions">
          <button type="button" onClick={() => (screen.value = { name: 'vaults' })} disabled={busy}>
            {d.backToVaults}
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {d.createVault}
          </button>
        </div>
        <p aria-live="polite" class="busy">{busy ? d.deriving : ''}</p>
      </form>
    </section>
  );
}
