import { useState } from 'preact/hooks';
import {
  SCENARIOS,
  SCENARIO_NAMES,
  TRANSFER_ROUTES,
  validateProfile,
  type FirmProfile,
  type ProfileField,
  type ProfileProblem,
  type Scenario,
  type TransferRoute,
} from '../../../core/domain/checklists/index.ts';
import type { ChecklistSnapshot } from '../../../engine/checklist/types.ts';
import { uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { failureText, tr } from './checklist-model.ts';

type Flag = 'euCustomers' | 'paperRecords' | 'processors' | 'crossBorder';
const FLAGS: readonly Flag[] = ['euCustomers', 'paperRecords', 'processors', 'crossBorder'];
// The element each field's error focuses.
const FOCUS: Record<ProfileField, string> = {
  scenarios: 'scenario-PF', firmName: 'firm-name', euCustomers: 'flag-euCustomers', paperRecords: 'flag-paperRecords',
  processors: 'flag-processors', transferRoute: 'route-none', recipient: 'recipient', crossBorder: 'flag-crossBorder', peopleCount: 'people-count',
};

const BLANK: FirmProfile = { scenarios: [], firmName: '', euCustomers: false, paperRecords: false, processors: false, transferRoute: 'none', crossBorder: false, peopleCount: 0 };

/** The firm profile form; checks with the rules' validateProfile before the engine checks again. */
export function ProfileForm({ profile, onSaved, onCancel }: { profile: FirmProfile | null; onSaved: (s: ChecklistSnapshot) => void; onCancel?: () => void }) {
  const d = t().checklist;
  const start = profile ?? BLANK;
  const [p, setP] = useState<FirmProfile>(start);
  const [people, setPeople] = useState(profile ? String(profile.peopleCount) : '');
  const [problems, setProblems] = useState<ProfileProblem[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errOf = (f: ProfileField) => {
    const x = problems.find((q) => q.field === f);
    return x ? tr(x.message) : undefined;
  };

  const toggle = (s: Scenario, on: boolean) => setP({ ...p, scenarios: on ? [...p.scenarios, s] : p.scenarios.filter((x) => x !== s) });

  const submit = async (e: Event) => {
    e.preventDefault();
    setAlert(null);
    const count = /^\s*\d+\s*$/.test(people) ? Number(people) : Number.NaN;
    const candidate: FirmProfile = { ...p, peopleCount: count, recipient: p.transferRoute === 'none' ? undefined : p.recipient };
    const found = validateProfile(candidate);
    setProblems(found);
    if (found.length) {
      document.getElementById(FOCUS[found[0]!.field])?.focus();
      return;
    }
    setBusy(true);
    try {
      onSaved(await engine().checklistSetProfile(candidate));
    } catch (err) {
      const ui = uiError(err);
      const fromEngine = ui.details?.problems as ProfileProblem[] | undefined;
      if (Array.isArray(fromEngine) && fromEngine.length) setProblems(fromEngine);
      else setAlert(failureText(ui));
      setBusy(false);
    }
  };

  return (
    <section class="checklist">
      <PageHeading>{profile ? d.profileHeading : d.heading}</PageHeading>
      {!profile && <p class="empty">{d.intro}</p>}
      <form onSubmit={submit} noValidate class="profile-form">
        {problems.length > 0 && (
          <p role="alert" class="alert">
            {d.problemsSummary(problems.length)}
          </p>
        )}
        <fieldset aria-describedby={errOf('scenarios') ? 'scenarios-error' : undefined}>
          <legend>{d.scenarios}</legend>
          {SCENARIOS.map((s) => (
            <label key={s} class="check" for={`scenario-${s}`}>
              <input id={`scenario-${s}`} type="checkbox" checked={p.scenarios.includes(s)} onChange={(e) => toggle(s, e.currentTarget.checked)} disabled={busy} />
              <span>
                <strong>{s}</strong> {tr(SCENARIO_NAMES[s])}
              </span>
            </label>
          ))}
          {errOf('scenarios') && <p id="scenarios-error" class="error-text">{errOf('scenarios')}</p>}
        </fieldset>
        <Field id="firm-name" label={d.firmName} hint={d.firmNameHint} value={p.firmName} onInput={(v) => setP({ ...p, firmName: v })} error={errOf('firmName')} disabled={busy} />
        <fieldset>
          <legend>{d.facts}</legend>
          {FLAGS.map((f) => (
            <label key={f} class="check" for={`flag-${f}`}>
              <input id={`flag-${f}`} type="checkbox" checked={p[f]} onChange={(e) => setP({ ...p, [f]: e.currentTarget.checked })} disabled={busy} />
              <span>{d[f]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{d.transferRoute}</legend>
          {TRANSFER_ROUTES.map((r: TransferRoute) => (
            <label key={r} class="check" for={`route-${r}`}>
              <input id={`route-${r}`} type="radio" name="route" checked={p.transferRoute === r} onChange={() => setP({ ...p, transferRoute: r })} disabled={busy} />
              <span>{d.routes[r]}</span>
            </label>
          ))}
        </fieldset>
        {p.transferRoute !== 'none' && (
          <Field id="recipient" label={d.recipient} hint={d.recipientHint} value={p.recipient ?? ''} onInput={(v) => setP({ ...p, recipient: v })} error={errOf('recipient')} disabled={busy} />
        )}
        <Field id="people-count" label={d.peopleCount} value={people} onInput={setPeople} inputMode="numeric" error={errOf('peopleCount')} disabled={busy} />
        {alert && (
          <p role="alert" class="alert">
            {alert}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {d.saveProfile}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel} disabled={busy}>
              {t().cancel}
            </button>
          )}
        </div>
        <p aria-live="polite" class="busy">
          {busy ? t().saving : ''}
        </p>
      </form>
    </section>
  );
}
