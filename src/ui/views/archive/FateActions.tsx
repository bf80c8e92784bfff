import { useState } from 'preact/hooks';
import type { FateChoice, FateFilter, FateFunnel, FateSuggestion } from '../../../engine/archive/types.ts';
import { uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { archiveErrorText } from './archive-words.ts';

type Kind = FateChoice['kind'];
const KINDS: readonly Kind[] = ['keep', 'transfer', 'destroy', 'undecided'];

/**
 * Bulk actions on the records a filter chose: see the suggestion, then apply it; set a fate;
 * place or release a legal hold. Each says in a status line what it changed and what it skipped.
 */
export function FateActions({ filter, count, profile, onChanged }: { filter: FateFilter; count: number; profile: boolean; onChanged: (f: FateFunnel) => void }) {
  const d = t().archive;
  const [suggestion, setSuggestion] = useState<FateSuggestion | null>(null);
  const [replace, setReplace] = useState(false);
  const [kind, setKind] = useState<Kind>('keep');
  const [recipient, setRecipient] = useState('');
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<{ recipient?: string; reason?: string }>({});
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<string>) => {
    setBusy(true);
    setStatus(null);
    setFailure(null);
    try {
      setStatus(await fn());
    } catch (e) {
      setFailure(archiveErrorText(uiError(e)));
    } finally {
      setBusy(false);
    }
  };

  const suggest = () => run(async () => {
    const s = await engine().fateSuggest(filter, replace);
    setSuggestion(s);
    return d.suggestionText(s);
  });
  const apply = () => run(async () => {
    const r = await engine().fateApplySuggested(filter, replace);
    setSuggestion(null);
    onChanged(r.funnel);
    return d.appliedText(r.affected);
  });
  const setFate = () => {
    if (kind === 'transfer' && !recipient.trim()) return setFieldError({ recipient: d.errRecipientRequired });
    setFieldError({});
    const choice: FateChoice = kind === 'transfer' ? { kind, recipient: recipient.trim() } : { kind };
    return run(async () => {
      const r = await engine().fateSet(filter, choice);
      onChanged(r.funnel);
      return d.setText(r.changed, r.skipped.held, r.skipped.retention);
    });
  };
  const hold = (place: boolean) => {
    if (place && !reason.trim()) return setFieldError({ reason: d.errReasonRequired });
    setFieldError({});
    return run(async () => {
      const r = place ? await engine().holdSet(filter, reason.trim()) : await engine().holdRelease(filter);
      onChanged(r.funnel);
      return place ? d.heldText(r.changed) : d.releasedText(r.changed);
    });
  };

  return (
    <div class="fate-actions">
      <section aria-labelledby="suggest-heading">
        <h3 id="suggest-heading">{d.suggestHeading}</h3>
        <p class="hint">{profile ? d.suggestIntro : d.needProfile}</p>
        <p class="check">
          <input id="fate-replace" type="checkbox" checked={replace} onChange={(e) => (setReplace(e.currentTarget.checked), setSuggestion(null))} />
          <label for="fate-replace">{d.replaceDecided}</label>
        </p>
        <div class="actions">
          <button type="button" onClick={suggest} disabled={busy || !profile}>
            {d.suggestButton(count)}
          </button>
          {suggestion && suggestion.affected > 0 && (
            <button type="button" class="primary" onClick={apply} disabled={busy}>
              {d.applyButton(suggestion.affected)}
            </button>
          )}
        </div>
      </section>
      <section aria-labelledby="set-heading">
        <h3 id="set-heading">{d.setHeading}</h3>
        <div class="field">
          <label for="fate-kind">{d.fateLabel}</label>
          <select id="fate-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {d.statuses[k]}
              </option>
            ))}
          </select>
        </div>
        {kind === 'transfer' && <Field id="fate-recipient" label={d.recipient} hint={d.recipientHint} value={recipient} onInput={setRecipient} error={fieldError.recipient} />}
        {kind === 'destroy' && <p class="hint">{d.destroyHint}</p>}
        <div class="actions">
          <button type="button" onClick={setFate} disabled={busy}>
            {d.setButton(count)}
          </button>
        </div>
      </section>
      <section aria-labelledby="hold-heading">
        <h3 id="hold-heading">{d.holdHeading}</h3>
        <Field id="hold-reason" label={d.holdReason} hint={d.holdReasonHint} value={reason} onInput={setReason} error={fieldError.reason} />
        <div class="actions">
          <button type="button" onClick={() => hold(true)} disabled={busy}>
            {d.holdButton(count)}
          </button>
          <button type="button" onClick={() => hold(false)} disabled={busy}>
            {d.releaseButton(count)}
          </button>
        </div>
      </section>
      {failure && <p role="alert" class="alert">{failure}</p>}
      <p role="status" class="busy">{busy ? d.working : status ?? ''}</p>
    </div>
  );
}
