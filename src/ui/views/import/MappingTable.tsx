import type { AmountUnit, ColumnInfo, ColumnMapping, ColumnSuggestion, MappedField } from '../../../engine/import/types.ts';
import { t } from '../../i18n/index.ts';
import { FIELD_GROUPS, fieldName, sensitivityOf } from './import-words.ts';

export interface MappingTableProps {
  columns: ColumnInfo[];
  suggested: ColumnSuggestion[];
  mapping: ColumnMapping[];
  /** Fields chosen for more than one column. */
  twice: ReadonlySet<string>;
  onChange: (next: ColumnMapping[]) => void;
}

function FieldSelect({ id, label, value, invalid, onChange }: { id: string; label: string; value: string; invalid: boolean; onChange: (v: string) => void }) {
  const d = t();
  return (
    <>
      <label class="visually-hidden" for={id}>
        {label}
      </label>
      <select id={id} value={value} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{d.import.ignore}</option>
        <option value="customerNo">{d.import.customerNo}</option>
        {FIELD_GROUPS.map((g) => (
          <optgroup key={g.category} label={d.categories[g.category]}>
            {g.keys.map((k) => (
              <option key={k} value={k}>
                {d.fields[k]}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </>
  );
}

/** One row per column: its name, masked samples, and the field (and amount unit) it maps to, with the suggestion beside it. */
export function MappingTable({ columns, suggested, mapping, twice, onChange }: MappingTableProps) {
  const d = t().import;
  const byColumn = new Map(mapping.map((m) => [m.column, m]));
  const set = (column: number, patch: Partial<ColumnMapping>) =>
    onChange(columns.map((c) => (c.column === column ? { ...(byColumn.get(c.column) ?? { column, field: null }), ...patch } : (byColumn.get(c.column) ?? { column: c.column, field: null }))));

  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={d.mappingRegion}>
      <table class="import-table mapping-table">
        <thead>
          <tr>
            <th scope="col">{d.colColumn}</th>
            <th scope="col">{d.colSamples}</th>
            <th scope="col">{d.colField}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => {
            const header = c.header || d.untitled(c.column + 1);
            const m = byColumn.get(c.column);
            const field = m?.field ?? null;
            const sug = suggested.find((s) => s.column === c.column);
            const sens = sensitivityOf(field);
            const onField = (v: string) => {
              const next = (v || null) as MappedField | null;
              set(c.column, { field: next, unit: next === 'amount' ? (m?.unit ?? sug?.unit ?? 'yuan') : undefined });
            };
            return (
              <tr key={c.column}>
                <th scope="row">{header}</th>
                <td class="masked">{c.samples.join(' · ')}</td>
                <td class="mapping-cell">
                  <div class="mapping-controls">
                    <FieldSelect id={`import-map-${c.column}`} label={d.fieldFor(header)} value={field ?? ''} invalid={!!field && twice.has(field)} onChange={onField} />
                    {field === 'amount' && (
                      <>
                        <label class="visually-hidden" for={`import-unit-${c.column}`}>
                          {d.unitFor(header)}
                        </label>
                        <select id={`import-unit-${c.column}`} value={m?.unit ?? 'yuan'} onChange={(e) => set(c.column, { unit: e.currentTarget.value as AmountUnit })}>
                          <option value="yuan">{d.units.yuan}</option>
                          <option value="wan">{d.units.wan}</option>
                        </select>
                      </>
                    )}
                    {sens && <span class={`badge sens-${sens}`}>{sens}</span>}
                  </div>
                  {sug?.field && <p class="hint">{d.suggestion(fieldName(sug.field), Math.round(sug.confidence * 100), d.reasons[sug.reason])}</p>}
                  {field && twice.has(field) && <p class="error-text">{d.mappingProblems.FIELD_TWICE(fieldName(field))}</p>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
