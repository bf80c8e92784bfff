import type { EntryInfo } from '../../../engine/destruction/types.ts';
import { formatDateTime, t } from '../../i18n/index.ts';

/** Entries of the destruction log: what, how, by whom, when, with how many photos. */
export function EntryTable({ entries, caption }: { entries: EntryInfo[]; caption: string }) {
  const d = t().destruction;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="entry-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{d.colSeq}</th>
            <th scope="col">{d.colTime}</th>
            <th scope="col">{d.colBatch}</th>
            <th scope="col">{d.colWhat}</th>
            <th scope="col">{d.colMethod}</th>
            <th scope="col">{d.colBy}</th>
            <th scope="col">{d.colPhotos}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td class="nowrap">{formatDateTime(e.time)}</td>
              <td class="mono">{e.batch}</td>
              <td>
                {d.entryKinds[e.kind]}
                {e.kind === 'electronic' || e.kind === 'vault' ? ` · ${e.recordTotal}` : e.items.map((i) => ` · ${i.description} ×${i.count}`).join('')}
              </td>
              <td>
                {e.method.technique} ({d.categories[e.method.category]})
              </td>
              <td>{[e.performer, ...e.witnesses].join(', ')}</td>
              <td>{e.photos.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
