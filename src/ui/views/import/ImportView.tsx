import { PageHeading } from '../../components/PageHeading.tsx';
import { t } from '../../i18n/index.ts';
import { importErrorText } from './import-words.ts';
import { FileStep } from './FileStep.tsx';
import { cancelImport } from './import-actions.ts';
import { busy, flow, importError, importNotice } from './import-state.ts';
import { MappingStep } from './MappingStep.tsx';
import { ProgressPanel } from './ProgressPanel.tsx';
import { ReportStep } from './ReportStep.tsx';
import { ResultStep } from './ResultStep.tsx';
import './import.css';

export { lastImportEvidence } from './import-state.ts';

/**
 * The import screen: choose a register, confirm how it was read and what its columns hold,
 * read the report, then store it. While the worker works, only its progress and Cancel show.
 */
export function ImportView() {
  const d = t().import;
  const f = flow.value;
  const b = busy.value;
  const error = importError.value;
  return (
    <section class="import-view">
      <PageHeading>{d.heading}</PageHeading>
      {error && (
        <p role="alert" class="alert">
          {importErrorText(error)}
        </p>
      )}
      {importNotice.value === 'cancelled' && (
        <p class="notice" role="status">
          {d.cancelled}
        </p>
      )}
      {b ? (
        <ProgressPanel id="import-progress" progress={b.progress} onCancel={cancelImport} cancelling={b.cancelRequested} />
      ) : (
        <>
          {f.step === 'choose' && <FileStep />}
          {f.step === 'mapping' && <MappingStep src={f} />}
          {f.step === 'report' && <ReportStep src={f} report={f.report} choice={f.choice} />}
          {f.step === 'result' && <ResultStep result={f.result} />}
        </>
      )}
    </section>
  );
}
