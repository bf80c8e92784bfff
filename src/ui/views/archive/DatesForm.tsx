import { useState } from 'preact/hooks';
import type { RetentionView } from '../../../engine/archive/types.ts';
import { uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { archiveErrorText } from './archive-words.ts';

type Key = 'accountsClosed' | 'fundLiquidated';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The profile-level start dates of retention: when accounts were closed, when the fund was liquidated. */
export function DatesForm({ view, onSaved }: { view: RetentionView; onSaved: (v: RetentionView) => void }) {
  const d = t().archive;
  const [v, setV] = useState<Record<Key, string>>({ accountsClosed: view.dates.accountsClosed ?? '', fundLiquidated: view.dates.fundLiquidated ?? '' });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Partial<Record<Key, string>> = {};
    for (const k of ['accountsClosed', 'fundLiquidated'] as const) if (v[k].trim() && !DATE.test(v[k].trim())) found[k] = t().problems.DATE;
    setErrors(found);
    setStatus(null);
    setFailure(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      onSaved(await engine().retentionSetDates({ accountsClosed: v.accountsClosed.trim(), fundLiquidated: v.fundLiquidated.trim() }));
      setStatus(d.datesSaved);
    } catch (err) {
      const ue = uiError(err);
      const field = ue.details?.field;
      if (field === 'accountsClosed' || field === 'fundLiquidated') setErrors({ [field]: t().problems.DATE });
      else setFailure(archiveErrorText(ue));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="dates-heading">
      <h2 id="dates-heading">{d.datesHeading}</h2>
      <p class="hint">{d.datesIntro}</p>
      <div class="form-grid">
        <Field id="dates-accounts" label={d.accountsClosed} hint={d.accountsClosedHint} placeholder={t().datePlaceholder} value={v.accountsClosed} onInput={(x) => setV({ ...v, accountsClosed: x })} error={errors.accountsClosed} disabled={busy} />
        <Field id="dates-fund" label={d.fundLiquidated} hint={d.fundLiquidatedHint} placeholder={t().datePlaceholder} value={v.fundLiquidated} onInput={(x) => setV({ ...v, fundLiquidated: x })} error={errors.fundLiquidated} disabled={busy} />
      </div>
      {failure && <p role="alert" class="alert">{failure}</p>}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {d.saveDates}
        </button>
      </div>
      <p role="status" class="busy">{status ?? ''}</p>
    </form>
  );
}
