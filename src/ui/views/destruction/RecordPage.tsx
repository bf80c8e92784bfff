import { useEffect, useState } from 'preact/hooks';
import type { BatchInfo } from '../../../engine/destruction/types.ts';
import { uiError } from '../../app-state.ts';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { destructionErrorText } from './destruction-words.ts';
import { PhysicalForm } from './PhysicalForm.tsx';

/** Records paper, media or a bundle copy destroyed outside the app, on an approved batch. */
export function RecordPage({ batchId }: { batchId: string | null }) {
  const d = t().destruction;
  const [batches, setBatches] = useState<BatchInfo[] | null>(null);
  const [chosen, setChosen] = useState<string>(batchId ?? '');
  const [failure, setFailure] = useState<string | null>(null);

  const load = async () => {
    try {
      const list = (await engine().destructionOverview()).batches.filter((b) => b.kind === 'records' && ['approved', 'executing', 'executed'].includes(b.state));
      setBatches(list);
      setChosen((c) => (list.some((b) => b.id === c) ? c : (list[list.length - 1]?.id ?? '')));
    } catch (e) {
      setFailure(destructionErrorText(uiError(e)));
    }
  };
  useEffect(() => void load(), []);

  const batch = batches?.find((b) => b.id === chosen);
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">{d.recordHeading}</h2>
      <p>{d.recordIntro}</p>
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
      {batches && batches.length === 0 && <p class="alert">{d.noApproved}</p>}
      {batches && batches.length > 0 && (
        <div class="field">
          <label for="record-batch">{d.batch}</label>
          <select id="record-batch" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            {batches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.number} · {d.states[b.state]}
              </option>
            ))}
          </select>
        </div>
      )}
      {batch && (
        <PhysicalForm
          key={batch.id}
          id="physical"
          batchId={batch.id}
          kinds={['paper', 'media', 'bundle-copy']}
          copies={batch.copies.filter((c) => c.decision === 'destroy' && c.entrySeq === undefined)}
          onRecorded={() => void load()}
        />
      )}
    </section>
  );
}
