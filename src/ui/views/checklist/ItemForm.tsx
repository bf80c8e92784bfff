import { useState } from 'preact/hooks';
import type { ItemStatus, StoredItemState } from '../../../core/domain/checklists/index.ts';
import { uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { engine } from '../../engine-client.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import type { ChecklistData } from './ChecklistView.tsx';
import { failureText } from './checklist-model.ts';

const STATUSES: readonly ItemStatus[] = ['todo', 'in-progress', 'done', 'na'];

/** Status (with a reason for "not applicable"), owner, due date and notes of one item. */
export function ItemForm({ data, id, state }: { data: ChecklistData; id: string; state: StoredItemState }) {
  const d = t().checklist;
  const [status, setStatus] = useState<ItemStatus>(state.status);
  const [naReason, setNaReason] = useState(state.naReason ?? '');
  const [owner, setOwner] = useState(state.owner ?? '');
  const [due, setDue] = useState(state.due ?? '');
  const [notes, setNotes] = useState(state.notes ?? '');
  const [errors, setErrors] = useState<{ naReason?: string; due?: string }>({});
  const [msg, setMsg] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const owners = state.owner && !data.operators.includes(state.owner) ? [...data.operators, state.owner] : data.operators;
  const done = data.snap.done[id];

  const save = async (e: Event) => {
    e.preventDefault();
    setMsg(null);
    setAlert(null);
    const found = { naReason: status === 'na' && !naReason.trim() ? d.errNaReason : undefined, due: due && !/^\d{4}-\d{2}-\d{2}$/.test(due) ? d.errDue : undefined };
    setErrors(found);
    if (found.naReason || found.due) {
      document.getElementById(found.naReason ? 'na-reason' : 'item-due')?.focus();
      return;
    }
    setBusy(true);
    try {
      data.update(await engine().checklistUpdateItem(id, { status, naReason: status === 'na' ? naReason : '', owner, due, notes }));
      setMsg(d.itemSaved);
    } catch (err) {
      const ui = uiError(err);
      if (ui.details?.field === 'naReason') setErrors({ naReason: d.errNaReason });
      else if (ui.details?.field === 'due') setErrors({ due: d.errDue });
      else setAlert(failureText(ui));
    }
    setBusy(false);
  };

  return (
    <form onSubmit={save} noValidate class="item-form">
      <fieldset>
        <legend>{d.status}</legend>
        <div class="status-options">
          {STATUSES.map((s) => (
            <label key={s} class="check" for={`status-${s}`}>
              <input id={`status-${s}`} type="radio" name="status" checked={status === s} onChange={() => setStatus(s)} disabled={busy} />
              <span>{d.statuses[s]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {status === 'na' && <Field id="na-reason" label={d.naReason} value={naReason} onInput={setNaReason} error={errors.naReason} disabled={busy} />}
      {done && status === 'done' && <p class="muted small">{d.doneBy(done.by, formatDateTime(done.at))}</p>}
      <div class="form-grid">
        <div class="field">
          <div class="field-label">
            <label for="item-owner">{d.owner}</label>
          </div>
          <select id="item-owner" value={owner} onChange={(e) => setOwner(e.currentTarget.value)} disabled={busy}>
            <option value="">{d.noOwner}</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
        <div class={errors.due ? 'field field-invalid' : 'field'}>
          <div class="field-label">
            <label for="item-due">{d.due}</label>
          </div>
          <input id="item-due" type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} aria-invalid={errors.due ? true : undefined} aria-describedby={errors.due ? 'item-due-error' : undefined} disabled={busy} />
          {errors.due && (
            <p id="item-due-error" class="error-text">
              {errors.due}
            </p>
          )}
        </div>
      </div>
      <Field id="item-notes" label={d.notes} hint={d.notesHint} value={notes} onInput={setNotes} multiline disabled={busy} />
      {alert && (
        <p role="alert" class="alert">
          {alert}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {d.saveItem}
        </button>
      </div>
      <p aria-live="polite" class="busy">
        {busy ? t().saving : (msg ?? '')}
      </p>
    </form>
  );
}
