import { useEffect, useState } from 'preact/hooks';
import type { BatchInfo } from '../../../engine/destruction/types.ts';
import type { SlotInfo } from '../../../engine/types.ts';
import { uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { destructionErrorText } from './destruction-words.ts';

/** Approval of a planned batch: the approver's name and, for dual control, a second operator with their own passphrase. */
export function ApproveForm({ batch, onDone }: { batch: BatchInfo; onDone: (b: BatchInfo) => void }) {
  const d = t().destruction;
  const [approver, setApprover] = useState('');
  const [dual, setDual] = useState(false);
  const [others, setOthers] = useState<SlotInfo[]>([]);
  const [second, setSecond] = useState('');
  const [pass, setPass] = useState('');
  const [errors, setErrors] = useState<{ approver?: string; pass?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `approve-${batch.id}`;

  useEffect(() => {
    engine()
      .listSlots()
      .then((slots) => {
        const list = slots.filter((s) => s.kind === 'passphrase' && !s.current);
        setOthers(list);
        setSecond(list[0]?.id ?? '');
      }, () => setOthers([]));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = { ...(approver.trim() ? {} : { approver: d.errRequired }), ...(dual && !pass ? { pass: d.errRequired } : {}) };
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setFailure(null);
    try {
      const b = await engine().destructionApprove(batch.id, { approver: approver.trim(), ...(dual && second ? { second: { slotId: second, passphrase: pass } } : {}) });
      setPass('');
      onDone(b);
    } catch (err) {
      setFailure(destructionErrorText(uiError(err)));
      setBusy(false);
    }
  };

  return (
    <form class="subform" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{d.approveHeading(batch.number)}</h4>
      <Field id={`${id}-approver`} label={d.approver} hint={d.approverHint} value={approver} onInput={setApprover} error={errors.approver} disabled={busy} />
      <label class="check">
        <input type="checkbox" checked={dual} disabled={!others.length || busy} onChange={(e) => setDual(e.currentTarget.checked)} />
        <span>{d.dual}</span>
      </label>
      {!others.length && <p class="hint">{d.noSecond}</p>}
      {dual && others.length > 0 && (
        <>
          <div class="field">
            <label for={`${id}-second`}>{d.secondOperator}</label>
            <select id={`${id}-second`} value={second} onChange={(e) => setSecond(e.currentTarget.value)} disabled={busy}>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <Field id={`${id}-pass`} type="password" label={d.secondPassphrase} value={pass} onInput={setPass} error={errors.pass} autoComplete="off" disabled={busy} />
        </>
      )}
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {d.approve}
        </button>
      </div>
    </form>
  );
}
