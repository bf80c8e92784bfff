import { CONFIDENCE_LABELS, KIND_LABELS, checkWithCounsel, citationsFor, type Fact, type FirmProfile } from '../../../core/domain/checklists/index.ts';
import { t } from '../../i18n/index.ts';
import { tr } from './checklist-model.ts';

/** "Verified against the text" or "Check with counsel", decided by checkWithCounsel. */
export function ConfidenceBadge({ f }: { f: Fact }) {
  const d = t().checklist;
  const counsel = checkWithCounsel(f);
  return <span class={`badge ${counsel ? 'counsel-badge' : 'verified-badge'}`}>{counsel ? d.counsel : d.verified}</span>;
}

/** The facts an item cites: source, article, paraphrase in the current language, confidence and kind. */
export function Citations({ itemId, profile }: { itemId: string; profile: FirmProfile }) {
  const d = t().checklist;
  const facts = citationsFor(itemId, profile);
  return (
    <section aria-labelledby="citations-heading">
      <h2 id="citations-heading">{d.citations}</h2>
      <ul class="citation-list">
        {facts.map((f) => (
          <li key={f.id} class="citation">
            <p class="citation-source">
              <strong>{tr(f.source)}</strong> <span>{f.article}</span>
            </p>
            <p>{tr(f.fact)}</p>
            <p class="small">
              <ConfidenceBadge f={f} /> {checkWithCounsel(f) && <span class="muted">{tr(CONFIDENCE_LABELS[f.confidence])}</span>}
              {f.kind !== 'rule' && <span class="muted"> · {tr(KIND_LABELS[f.kind])}</span>}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
