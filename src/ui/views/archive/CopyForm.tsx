import { useState } from 'preact/hooks';
import { Field } from '../../components/Field.tsx';
import { t } from '../../i18n/index.ts';

export interface CopyValues {
  location: string;
  holder: string;
  passphrase: string;
}

/**
 * Where a copy will be kept and who will hold it (and, for a key file, its passphrase twice):
 * every copy is registered before it is made. `id` prefixes the fields' ids.
 */
export function CopyForm(p: { id: string; title: string; submit: string; passphrase?: boolean; busy: boolean; onSubmit: (v: CopyValues) => void; onCancel: () => void; extra?: preact.ComponentChildren }) {
  const d = t().archive;
  const [v, setV] = useState({ location: '', holder: '', passphrase: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof v, string>>>({});
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const submit = (e: Event) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!v.location.trim()) found.location = d.errLocation;
    if (!v.holder.trim()) found.holder = d.errHolder;
    if (p.passphrase && v.passphrase.length < 8) found.passphrase = t().errPassphraseShort;
    if (p.passphrase && v.repeat !== v.passphrase) found.repeat = t().errPassphraseMismatch;
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(`${p.id}-${first}`)?.focus();
    p.onSubmit({ location: v.location.trim(), holder: v.holder.trim(), passphrase: v.passphrase });
  };
  return (
    <form class="subform" onSubmit={submit} noValidate aria-labelledby={`${p.id}-title`}>
      <h4 id={`${p.id}-title`}>{p.title}</h4>
      {p.extra}
      <div class="form-grid">
        <Field id={`${p.id}-location`} label={d.copyLocation} hint={d.copyLocationHint} value={v.location} onInput={set('location')} error={errors.location} disabled={p.busy} />
        <Field id={`${p.id}-holder`} label={d.copyHolder} value={v.holder} onInput={set('holder')} error={errors.holder} disabled={p.busy} />
        {p.passphrase && (
          <>
            <Field id={`${p.id}-passphrase`} type="password" label={d.keyFilePassphrase} hint={d.keyFilePassphraseHint} value={v.passphrase} onInput={set('passphrase')} error={errors.passphrase} autoComplete="new-password" disabled={p.busy} />
            <Field id={`${p.id}-repeat`} type="password" label={d.keyFileRepeat} value={v.repeat} onInput={set('repeat')} error={errors.repeat} autoComplete="new-password" disabled={p.busy} />
          </>
        )}
      </div>
      <div class="actions">
        <button type="button" onClick={p.onCancel} disabled={p.busy}>
          {t().cancel}
        </button>
        <button type="submit" class="primary" disabled={p.busy}>
          {p.submit}
        </button>
      </div>
    </form>
  );
}
