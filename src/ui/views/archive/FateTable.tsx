import type { FateItem } from '../../../engine/archive/types.ts';
import type { Page } from '../../../engine/types.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { factLabel } from './archive-words.ts';

function FateCell({ item }: { item: FateItem }) {
  const d = t().archive;
  const f = item.fate;
  return (
    <>
      <span class={`badge fate-${item.status}`}>{d.statuses[item.status]}</span>
      {f?.kind === 'keep' && <span class="small"> {f.until ? d.keepUntil(f.until) : d.untilUnknown}</span>}
      {f?.kind === 'transfer' && <span class="small"> {d.transferTo(f.recipient)}</span>}
      {item.hold && (
        <span class="small block">
          {d.heldFor(item.hold.reason)} · {formatDateTime(item.hold.at)}
        </span>
      )}
      {f && item.hold && <span class="small block muted">{d.fateUnderHold(d.statuses[f.kind])}</span>}
    </>
  );
}

/** A page of records with their fate, retention and suggestion, and Previous / Next. */
export function FateTable({ page, onPage, limit }: { page: Page<FateItem>; onPage: (offset: number) => void; limit: number }) {
  const d = t().archive;
  const app = t();
  if (!page.total) return <p class="empty">{d.noMatching}</p>;
  const to = page.offset + page.items.length;
  return (
    <>
      <div class="table-wrap" role="region" aria-labelledby="fate-table-caption" tabIndex={0}>
        <table class="audit-table fate-table">
          <caption id="fate-table-caption">{d.tableCaption(page.offset + 1, to, page.total)}</caption>
          <thead>
            <tr>
              <th scope="col">{app.customerNo}</th>
              <th scope="col">{app.fields.name}</th>
              <th scope="col">{d.colFate}</th>
              <th scope="col">{d.colRetention}</th>
              <th scope="col">{d.colSuggestion}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((i) => (
              <tr key={i.id}>
                <td class="nowrap">{i.customerNo}</td>
                <td>
                  {i.name} <span class="muted small">{i.idTail}</span>
                </td>
                <td>
                  <FateCell item={i} />
                </td>
                <td>
                  {i.retention.basis.length ? (
                    <>
                      <span title={i.retention.basis.map(factLabel).join('; ')}>{i.retention.basis.join(', ')}</span>
                      <span class="small block">{i.retention.until ? d.yearsUntil(i.retention.years, i.retention.until) : d.startMissing(i.retention.missingStart.map((s) => d.starts[s]))}</span>
                    </>
                  ) : (
                    <span class="muted">{d.noBasis}</span>
                  )}
                </td>
                <td>{i.suggestion === 'none' ? d.noSuggestion : d.statuses[i.suggestion]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button type="button" disabled={page.offset === 0} onClick={() => onPage(Math.max(0, page.offset - limit))}>
          {d.previous}
        </button>
        <button type="button" disabled={to >= page.total} onClick={() => onPage(page.offset + limit)}>
          {d.next}
        </button>
      </div>
    </>
  );
}
