import { useEffect, useState } from 'preact/hooks';
import type { CopyDecisionInput, PlanView } from '../../../engine/destruction/types.ts';
import { uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { engine } from '../../engine-client.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { destructionErrorText } from './destruction-words.ts';
import { RecordTable } from './RecordTable.tsx';
import { go } from './route.ts';

type Decision = { decision: 'destroy' | 'keep'; reason: string };

/** Plans a batch: what may be destroyed, what may not and why, and a decision for each copy of the bundles that hold the records. */
export function PlanPage() {
  const d = t().destruction;
  const a = t().archive;
  const [workingCopies, setWorkingCopies] = useState(false);
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPlan(null);
    engine()
      .destructionPlan({ workingCopies })
      .then(setPlan, (e) => setFailure(destructionErrorText(uiError(e))));
  }, [workingCopies]);

  const decide = (key: string, patch: Partial<Decision>) => setDecisions((x) => ({ ...x, [key]: { ...(x[key] ?? { decision: 'destroy', reason: '' }), ...patch } }));

  const create = async (e: Event) => {
    e.preventDefault();
    if (!plan) return;
    const copies: CopyDecisionInput[] = [];
    const found: Record<string, string> = {};
    for (const b of plan.bundles) {
      for (const c of b.copies) {
        const key = `${b.number}/${c.id}`;
        const x = decisions[key] ?? { decision: 'destroy', reason: '' };
        if (x.decision === 'keep' && !x.reason.trim()) found[key] = d.errKeepReason;
        copies.push(x.decision === 'keep' ? { bundle: b.number, copyId: c.id, decision: 'keep', reason: x.reason.trim() } : { bundle: b.number, copyId: c.id, decision: 'destroy' });
      }
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setFailure(null);
    try {
      await engine().destructionCreateBatch({ scope: { workingCopies }, copies, note: note.trim() || undefined });
      go('batches');
    } catch (err) {
      setFailure(destructionErrorText(uiError(err)));
      setBusy(false);
    }
  };

  return (
    <form class="plan" onSubmit={create} noValidate aria-labelledby="plan-heading">
      <h2 id="plan-heading">{d.planHeading}</h2>
      <p>{d.planIntro}</p>
      <label class="check">
        <input type="checkbox" checked={workingCopies} onChange={(e) => setWorkingCopies(e.currentTarget.checked)} />
        <span>{d.workingCopies}</span>
      </label>
      {!plan && !failure && <p class="busy" aria-live="polite">{t().loading}</p>}
      {plan && (
        <>
          <h3>{d.eligibleHeading(plan.eligibleTotal)}</h3>
          {plan.eligibleTotal === 0 && <p class="muted">{d.nothingEligible}</p>}
          <RecordTable caption={d.eligibleHeading(plan.eligibleTotal)} rows={plan.eligible} total={plan.eligibleTotal} reasons={false} />
          {plan.ineligibleTotal > 0 && (
            <>
              <h3>{d.ineligibleHeading(plan.ineligibleTotal)}</h3>
              <RecordTable caption={d.ineligibleHeading(plan.ineligibleTotal)} rows={plan.ineligible} total={plan.ineligibleTotal} reasons />
            </>
          )}
          <h3>{d.bundlesHeading}</h3>
          {plan.bundles.length === 0 ? (
            <p class="muted">{d.noBundles}</p>
          ) : (
            <>
              <p>{d.bundlesIntro}</p>
              {plan.bundles.map((b) => (
                <div key={b.number} class="card">
                  <h4>{d.holdsRecords(b.number, b.records)}</h4>
                  <p class="muted small">{formatDateTime(b.createdAt)}</p>
                  {b.copies.length === 0 && <p class="small">{d.noCopies}</p>}
                  {b.copies.map((c) => {
                    const key = `${b.number}/${c.id}`;
                    const x = decisions[key] ?? { decision: 'destroy', reason: '' };
                    const id = `copy-${b.number}-${c.id}`;
                    return (
                      <fieldset key={c.id} class="choice">
                        <legend>{d.copyLegend(a.media[c.medium], c.location, c.holder)}</legend>
                        <label class="check">
                          <input type="radio" name={id} checked={x.decision === 'destroy'} onChange={() => decide(key, { decision: 'destroy' })} />
                          <span>{d.destroyCopy}</span>
                        </label>
                        <label class="check">
                          <input type="radio" name={id} checked={x.decision === 'keep'} onChange={() => decide(key, { decision: 'keep' })} />
                          <span>{d.keepCopy}</span>
                        </label>
                        {x.decision === 'keep' && <Field id={`${id}-reason`} label={d.keepReason} value={x.reason} onInput={(v) => decide(key, { reason: v })} error={errors[key]} />}
                      </fieldset>
                    );
                  })}
                </div>
              ))}
            </>
          )}
          <Field id="plan-note" label={d.note} value={note} onInput={setNote} disabled={busy} />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {d.createBatch}
            </button>
          </div>
        </>
      )}
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
