import { useEffect, useState } from 'preact/hooks';
import type { DestructionOverview } from '../../../engine/destruction/types.ts';
import { uiError } from '../../app-state.ts';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { BatchCard } from './BatchCard.tsx';
import { destructionErrorText } from './destruction-words.ts';

/** The batches, newest first, each with what can be done with it now. */
export function BatchesPage() {
  const d = t().destruction;
  const [ov, setOv] = useState<DestructionOverview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    engine()
      .destructionOverview()
      .then(setOv, (e) => setFailure(destructionErrorText(uiError(e))));
  }, []);
  return (
    <section aria-labelledby="batches-heading">
      <h2 id="batches-heading">{d.batchesHeading}</h2>
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
      {!ov && !failure && <p class="busy" aria-live="polite">{t().loading}</p>}
      {ov && ov.batches.length === 0 && <p class="muted">{d.noBatches}</p>}
      {ov && ov.batches.length > 0 && (
        <ul class="batch-list">
          {[...ov.batches].reverse().map((b) => (
            <BatchCard key={b.id} b={b} onChange={(next) => setOv({ ...ov, batches: ov.batches.map((x) => (x.id === next.id ? next : x)) })} />
          ))}
        </ul>
      )}
    </section>
  );
}
