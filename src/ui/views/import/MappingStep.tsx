import { useEffect, useState } from 'preact/hooks';
import type { ColumnMapping, TextEncodingName } from '../../../engine/import/types.ts';
import { t } from '../../i18n/index.ts';
import { checkRows, discardImport, openFile } from './import-actions.ts';
import { flow, importError, type Source } from './import-state.ts';
import { MappingTable } from './MappingTable.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { StepHeading } from './StepHeading.tsx';

const ENCODINGS: TextEncodingName[] = ['utf-8', 'gb18030'];

/** Fields chosen for more than one column. */
function fieldsTwice(mapping: readonly ColumnMapping[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const m of mapping) if (m.field) (seen.has(m.field) ? twice : seen).add(m.field);
  return twice;
}

/** How the file was read (encoding or sheet, both changeable), its first rows masked, and the column mapping to confirm. */
export function MappingStep({ src }: { src: Source }) {
  const d = t().import;
  const p = src.preview;
  const twice = fieldsTwice(src.mapping);
  const detected = p.encoding ? (d.encodingNames[p.encoding] ?? p.encoding) : '';
  // The mapping table (a select of ~30 options per column) renders one task after the rest, so
  // neither task keeps the main thread long on a slow phone.
  const [tableShown, setTableShown] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setTableShown(true), 0);
    return () => clearTimeout(id);
  }, []);

  const confirm = () => {
    const field = [...twice][0];
    if (field) importError.value = { code: 'INVALID_INPUT', message: '', details: { reason: 'MAPPING', problem: 'FIELD_TWICE', field } };
    else if (!src.mapping.some((m) => m.field === 'name')) importError.value = { code: 'INVALID_INPUT', message: '', details: { reason: 'MAPPING', problem: 'NO_NAME' } };
    else void checkRows(src);
  };

  return (
    <section aria-labelledby="import-file-heading">
      <StepHeading id="import-file-heading">{d.fileHeading}</StepHeading>
      <p class="file-summary">{d.fileSummary(src.file.name, d.formats[p.format])}</p>
      <div class="import-options">
        {p.format === 'csv' && (
          <div class="field">
            <label for="import-encoding">{d.encoding}</label>
            <select id="import-encoding" value={src.opts.encoding ?? ''} onChange={(e) => void openFile(src.file, { ...src.opts, encoding: (e.currentTarget.value || undefined) as TextEncodingName | undefined })}>
              <option value="">{d.encodingAuto(src.opts.encoding ? '' : detected)}</option>
              {ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {d.encodingNames[enc]}
                </option>
              ))}
            </select>
          </div>
        )}
        {p.format === 'xlsx' && p.sheets.length > 0 && (
          <div class="field">
            <label for="import-sheet">{d.sheet}</label>
            <select id="import-sheet" value={p.sheet ?? ''} onChange={(e) => void openFile(src.file, { ...src.opts, sheet: e.currentTarget.value })}>
              {p.sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {d.sheetOption(s.name, s.rows)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <p class="muted small">{d.headerRow(p.headerRow)}</p>
      <PreviewTable columns={p.columns} />
      {!tableShown && <p class="busy">{t().loading}</p>}
      {tableShown && (
        <>
          <h3>{d.mappingHeading}</h3>
          <p class={p.mappingSource === 'remembered' ? 'notice' : 'hint'}>{p.mappingSource === 'remembered' ? d.remembered : d.suggestedNote}</p>
          <p class="hint">{d.mappingHint}</p>
          <MappingTable
            columns={p.columns}
            suggested={p.suggested}
            mapping={src.mapping}
            twice={twice}
            onChange={(mapping) => {
              const f = flow.peek();
              if (f.step === 'mapping') flow.value = { ...f, mapping };
            }}
          />
          <div class="actions">
            <button type="button" class="primary" onClick={confirm}>
              {d.checkRows}
            </button>
            <button type="button" onClick={discardImport}>
              {d.chooseAnother}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
