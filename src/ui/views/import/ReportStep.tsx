import { useState } from 'preact/hooks';
import type { DuplicateChoice, ImportReport, RowProblem } from '../../../engine/import/types.ts';
import { uiError } from '../../app-state.ts';
import { engine } from '../../engine-client.ts';
import { CategoryCounts } from '../../components/CategoryCounts.tsx';
import { t } from '../../i18n/index.ts';
import { Duplicates } from './Duplicates.tsx';
import { commitImport } from './import-actions.ts';
import { flow, importError, type Source } from './import-state.ts';
import { ProblemTable } from './ProblemTable.tsx';
import { StepHeading } from './StepHeading.tsx';

/** Saves bytes made in the worker as a file, through a Blob URL that is revoked once the download starts. */
function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Records a commit would create: valid rows, less duplicates unless both are kept. */
export function newRecords(r: ImportReport, choice: DuplicateChoice): number {
  return choice === 'keep' ? r.valid : r.valid - r.duplicatesInFile - r.duplicatesInVault;
}

function Counts({ r }: { r: ImportReport }) {
  const d = t();
  const dups = r.duplicatesInFile + r.duplicatesInVault;
  const items: [string, number][] = [
    [d.import.counts.rows, r.rows],
    [d.import.counts.valid, r.valid],
    [d.import.counts.invalid, r.invalid],
    [d.import.counts.duplicates, dups],
  ];
  const codes = (Object.entries(r.byCode) as [RowProblem, number][]).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <dl class="count-list report-counts" data-testid="import-counts">
        {items.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {dups > 0 && <p class="muted small">{d.import.duplicatesDetail(r.duplicatesInFile, r.duplicatesInVault)}</p>}
      <CategoryCounts byCategory={r.byCategory} bySensitivity={r.bySensitivity} level={3} prefix={d.import.storedHeading} />
      {codes.length > 0 && (
        <>
          <h3>{d.import.byCode}</h3>
          <ul class="code-list">
            {codes.map(([code, n]) => (
              <li key={code}>
                {d.import.codes[code] ?? code}: <strong>{n.toLocaleString()}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The check's report: counts, what would be stored, problems per row, duplicates and the choice for them, the CSV, and the commit. */
export function ReportStep({ src, report, choice }: { src: Source; report: ImportReport; choice: DuplicateChoice }) {
  const d = t().import;
  const [downloading, setDownloading] = useState(false);
  const n = newRecords(report, choice);
  const dups = report.duplicatesInFile + report.duplicatesInVault;

  const download = async () => {
    setDownloading(true);
    try {
      const f = await engine().importReportCsv(report.importId);
      downloadBytes(f.bytes, f.fileName, 'text/csv;charset=utf-8');
    } catch (e) {
      importError.value = uiError(e);
    }
    setDownloading(false);
  };
  const setChoice = (c: DuplicateChoice) => {
    const f = flow.peek();
    if (f.step === 'report') flow.value = { ...f, choice: c };
  };

  return (
    <section aria-labelledby="import-report-heading">
      <StepHeading id="import-report-heading">{d.reportHeading}</StepHeading>
      <Counts r={report} />
      <h3>{d.problemsHeading}</h3>
      <ProblemTable report={report} columns={src.preview.columns} />
      {dups > 0 && <Duplicates report={report} choice={choice} onChoice={setChoice} />}
      <div class="actions">
        <button type="button" class="primary" disabled={n === 0 && !(choice === 'merge' && dups > 0)} onClick={() => void commitImport(src, choice)}>
          {d.commit(n)}
        </button>
        <button type="button" disabled={downloading} onClick={() => void download()}>
          {d.download}
        </button>
        <button type="button" onClick={() => (flow.value = { step: 'mapping', file: src.file, opts: src.opts, preview: src.preview, mapping: src.mapping })}>
          {d.changeColumns}
        </button>
      </div>
    </section>
  );
}
