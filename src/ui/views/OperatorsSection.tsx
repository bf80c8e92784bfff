import { useEffect, useState } from 'preact/hooks';
import type { SlotInfo } from '../../engine/types.ts';
import { uiError } from '../app-state.ts';
import { Field } from '../components/Field.tsx';
import { engine } from '../engine-client.ts';
import { errorText } from '../error-text.ts';
import { formatDate, t } from '../i18n/index.ts';

const MIN_PASSPHRASE = 8;

/** Key slots of the vault, each removable (the engine refuses the last, LAST_SLOT), and the add-operator form. */
export function OperatorsSection() {
  const d = t();
  const [slots, setSlots] = useState<SlotInfo[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [pass, setPass] = useState('');
  const [errors, setErrors] = useState<{ name?: string; pass?: string }>({});
  const [busy, setBusy] = useState(false);

  const reload = () =>
    engine()
      .listSlots()
      .then(setSlots, (e) => setAlert(errorText(uiError(e))));
  useEffect(() => void reload(), []);

  const remove = async (s: SlotInfo) => {
    setStatus(null);
    setAlert(null);
    try {
      await engine().removeSlot(s.id);
      setStatus(d.slotRemoved(s.kind === 'recovery' ? d.slotKinds.recovery : s.label));
      await reload();
    } catch (e) {
      setAlert(errorText(uiError(e)));
    }
  };

  const add = async (e: Event) => {
    e.preventDefault();
    setStatus(null);
    setAlert(null);
    const found = { name: name.trim() ? undefined : d.errOperatorRequired, pass: pass.length >= MIN_PASSPHRASE ? undefined : d.errPassphraseShort };
    setErrors(found);
    if (found.name || found.pass) {
      document.getElementById(found.name ? 'op-name' : 'op-pass')?.focus();
      return;
    }
    setBusy(true);
    try {
      const slot = await engine().addOperator(name.trim(), pass);
      setName('');
      setPass('');
      setStatus(d.operatorAdded(slot.label));
      await reload();
    } catch (err) {
      setAlert(errorText(uiError(err)));
    }
    setBusy(false);
  };

  return (
    <section class="card" aria-labelledby="operators-heading">
      <h2 id="operators-heading">{d.operators}</h2>
      {slots && (
        <ul class="slot-list">
          {slots.map((s) => (
            <li key={s.id} class="slot">
              <span class="slot-text">
                <strong>{s.kind === 'recovery' ? d.slotKinds.recovery : s.label}</strong> {s.current && <span>{d.you}</span>}
                <span class="muted small">
                  {' '}
                  {d.slotKinds[s.kind]} · {d.slotCreated(formatDate(s.createdAt))}
                </span>
              </span>
              <button type="button" onClick={() => remove(s)} disabled={busy}>
                {d.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      {alert && <p role="alert" class="alert">{alert}</p>}
      {status && <p role="status" class="ok">{status}</p>}
      <form onSubmit={add} noValidate class="subform">
        <h3>{d.addOperator}</h3>
        <Field id="op-name" label={d.newOperatorName} value={name} onInput={setName} error={errors.name} disabled={busy} />
        <Field id="op-pass" type="password" label={d.newOperatorPassphrase} hint={d.passphraseHint} value={pass} onInput={setPass} error={errors.pass} autoComplete="new-password" disabled={busy} />
        <button type="submit" disabled={busy}>
          {d.addOperator}
        </button>
        <p aria-live="polite" class="busy">{busy ? d.deriving : ''}</p>
      </form>
    </section>
  );
}
