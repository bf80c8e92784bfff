import type { ColumnInfo } from '../../../engine/import/types.ts';
import { t } from '../../i18n/index.ts';

const ROWS = 3;

/** The first values of each column, masked by the worker, laid out as the file has them. */
export function PreviewTable({ columns }: { columns: ColumnInfo[] }) {
  const d = t().import;
  const depth = Math.min(ROWS, Math.max(0, ...columns.map((c) => c.samples.length)));
  return (
    <section aria-labelledby="import-preview-heading">
      <h3 id="import-preview-heading">{d.previewHeading}</h3>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={d.previewRegion}>
        <table class="import-table preview-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.column} scope="col">
                  {c.header || d.untitled(c.column + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: depth }, (_, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.column} class="masked">
                    {c.samples[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
