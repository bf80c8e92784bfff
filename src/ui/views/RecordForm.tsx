import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, FIELDS, type CustomerKind, type FieldKey, type FieldSpec } from '../../core/domain/fields.ts';
import { show, uiError } from '../app-state.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Field } from '../components/Field.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { engine } from '../engine-client.ts';
import { errorText } from '../error-text.ts';
import { t, type Dict } from '../i18n/index.ts';
import { checkAll, checkOne, formValues, problemsFrom, withInput, type FormValues, type ProblemCode, type Problems, type Target } from './record-form-model.ts';

const MULTILINE: ReadonlySet<FieldKey> = new Set(['address', 'agreements', 'riskDisclosure', 'feedback', 'complaints', 'notes']);
const INPUT_MODE: Partial<Record<FieldKey, 'decimal' | 'numeric' | 'tel' | 'email'>> = { amount: 'decimal', bankAccount: 'numeric', phone: 'tel', email: 'email' };

function message(d: Dict, code: ProblemCode | undefined): string | null {
  if (!code) return null;
  return (d.problems as Record<string, string>)[code] ?? (d.normaliseProblems as Record<string, string>)[code] ?? d.errInvalid;
}

const fieldId = (k: Target) => `rec-${k}`;

/** Adds (`id` null) or edits a record: inline checks on blur and on save, engine problems shown on their fields, delete with confirmation. */
export function RecordForm({ id }: { id: string | null }) {
  const d = t();
  const [values, setValues] = useState<FormValues | null>(id ? null : formValues());
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (!id) return;
    engine()
      .getRecord(id)
      .then(
        (r) => setValues(formValues(r)),
        (e) => {
          const ue = uiError(e);
          setFailure(ue.code === 'NOT_FOUND' ? d.recordMissing : errorText(ue));
        },
      );
  }, [id]);

  if (!values) {
    return (
      <section>
        <PageHeading>{d.editRecord}</PageHeading>
        {failure ? <p role="alert" class="alert">{failure}</p> : <p class="muted">{d.loading}</p>}
        <button type="button" onClick={() => show({ name: 'records' })}>
          {d.cancel}
        </button>
      </section>
    );
  }

  const setField = (k: FieldKey | 'customerNo') => (v: string) => {
    setValues((old) => (old && (k === 'customerNo' ? { ...old, customerNo: v } : { ...old, fields: { ...old.fields, [k]: v } })));
    if (problems[k]) setProblems((old) => ({ ...old, [k]: undefined }));
  };

  const blur = (k: FieldKey | 'customerNo') => () => {
    const { value, problem } = checkOne(values, k);
    const current = k === 'customerNo' ? values.customerNo : values.fields[k];
    if (value !== current) setField(k)(value);
    const extra: Problems = k === 'idType' ? { idNumber: checkOne(values, 'idNumber').problem ?? undefined } : {};
    setProblems((old) => ({ ...old, ...extra, [k]: problem ?? undefined }));
  };

  const focusFirst = (p: Problems) => {
    const order: Target[] = ['kind', 'customerNo', ...FIELDS.map((f) => f.key)];
    const first = order.find((k) => p[k]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setFailure(null);
    const { input, problems: found } = checkAll(values);
    setValues(withInput(values, input));
    setProblems(found);
    if (Object.values(found).some(Boolean)) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      if (id) await engine().updateRecord(id, input);
      else await engine().createRecord(input);
      show({ name: 'records' });
    } catch (err) {
      const ue = uiError(err);
      setBusy(false);
      const fromEngine = ue.code === 'INVALID_INPUT' ? problemsFrom(ue.details) : {};
      if (Object.keys(fromEngine).length) {
        setProblems(fromEngine);
        focusFirst(fromEngine);
      } else {
        setFailure(errorText(ue));
      }
    }
  };

  const remove = async () => {
    if (!id) return;
    setConfirming(false);
    setBusy(true);
    try {
      await engine().deleteRecord(id);
      show({ name: 'records' });
    } catch (err) {
      setBusy(false);
      setFailure(errorText(uiError(err)));
    }
  };

  const count = Object.values(problems).filter(Boolean).length;
  const renderField = (f: FieldSpec) => (
    <Field
      key={f.key}
      id={fieldId(f.key)}
      label={d.fields[f.key]}
      aside={
        <span class={`sens sens-${f.sensitivity}`} id={`${fieldId(f.key)}-sens`}>
          <span class="visually-hidden">{d.sensitivityOf(f.sensitivity)}</span>
          <span aria-hidden="true">· {f.sensitivity}</span>
        </span>
      }
      asideId={`${fieldId(f.key)}-sens`}
      value={values.fields[f.key]}
      onInput={setField(f.key)}
      onBlur={blur(f.key)}
      error={message(d, problems[f.key])}
      multiline={MULTILINE.has(f.key)}
      type={f.key === 'email' ? 'email' : f.key === 'phone' ? 'tel' : 'text'}
      inputMode={INPUT_MODE[f.key]}
      placeholder={f.check === 'date' ? d.datePlaceholder : undefined}
      disabled={busy}
    />
  );

  return (
    <section>
      <PageHeading>{id ? d.editRecord : d.newRecord}</PageHeading>
      {values.sample && <p class="badge sample">{d.sample}</p>}
      <form onSubmit={save} noValidate class="record-form">
        <div class="form-grid">
          <div class="field">
            <label for={fieldId('kind')}>{d.customerType}</label>
            <select id={fieldId('kind')} value={values.kind} disabled={busy} onChange={(e) => setValues({ ...values, kind: e.currentTarget.value as CustomerKind })}>
              <option value="person">{d.person}</option>
              <option value="organisation">{d.organisation}</option>
            </select>
          </div>
          <Field id={fieldId('customerNo')} label={d.customerNo} value={values.customerNo} onInput={setField('customerNo')} onBlur={blur('customerNo')} error={message(d, problems.customerNo)} disabled={busy} />
        </div>
        {CATEGORIES.map((c) => (
          <fieldset key={c}>
            <legend>{d.categories[c]}</legend>
            <div class="form-grid">{FIELDS.filter((f) => f.category === c).map(renderField)}</div>
          </fieldset>
        ))}
        {count > 0 && (
          <p role="alert" class="alert">
            {d.problemsSummary(count)}
          </p>
        )}
        {failure && (
          <p role="alert" class="alert">
            {failure}
          </p>
        )}
        <div class="actions sticky-actions">
          <button type="submit" class="primary" disabled={busy}>
            {d.save}
          </button>
          <button type="button" onClick={() => show({ name: 'records' })} disabled={busy}>
            {d.cancel}
          </button>
          {id && (
            <button type="button" class="danger" onClick={() => setConfirming(true)} disabled={busy}>
              {d.deleteRecord}
            </button>
          )}
        </div>
        <p aria-live="polite" class="busy">{busy ? d.saving : ''}</p>
      </form>
      {confirming && <ConfirmDialog title={d.confirmDeleteTitle} body={d.confirmDeleteBody} confirmLabel={d.confirmDelete} onConfirm={remove} onClose={() => setConfirming(false)} />}
    </section>
  );
}
