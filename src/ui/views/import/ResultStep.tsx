import type { ImportResult } from '../../../engine/import/types.ts';
import { show } from '../../app-state.ts';
import { t } from '../../i18n/index.ts';
import { resetFlow } from './import-state.ts';
import { StepHeading } from './StepHeading.tsx';

/** What the commit did, then the way back to the records (whose counts load afresh) or to another file. */
export function ResultStep({ result }: { result: ImportResult }) {
  const d = t().import;
  const items: [string, number][] = [
    [d.resultCounts.stored, result.stored],
    [d.resultCounts.skipped, result.skipped],
    [d.resultCounts.merged, result.merged],
    [d.resultCounts.invalid, result.invalid],
  ];
  return (
    <section aria-labelledby="import-result-heading">
      <StepHeading id="import-result-heading">{d.resultHeading}</StepHeading>
      <dl class="count-list report-counts" data-testid="import-result">
        {items.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => {
            resetFlow();
            show({ name: 'records' });
          }}
        >
          {d.backToRecords}
        </button>
        <button type="button" onClick={resetFlow}>
          {d.importAnother}
        </button>
      </div>
    </section>
  );
}
