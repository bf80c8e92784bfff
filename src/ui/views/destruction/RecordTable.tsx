import type { PlanRecord } from '../../../engine/destruction/types.ts';
import { t } from '../../i18n/index.ts';

/** Records of a plan: customer number, masked name, fate and, for the ineligible, the reason. */
export function RecordTable({ caption, rows, total, reasons }: { caption: string; rows: PlanRecord[]; total: number; reasons: boolean }) {
  const d = t().destruction;
  if (!rows.length) return null;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="plan-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{d.colCustomer}</th>
            <th scope="col">{d.colName}</th>
            <th scope="col">{d.colFate}</th>
            {reasons && <th scope="col">{d.colReason}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td class="mono">{r.customerNo}</td>
              <td>{r.maskedName}</td>
              <td>{d.fates[r.fate]}</td>
              {reasons && <td>{r.reason ? d.reasons[r.reason] : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && <p class="muted small">{d.more(total - rows.length)}</p>}
    </div>
  );
}
