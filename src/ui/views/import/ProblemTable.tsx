import { useEffect, useState } from 'preact/hooks';
import type { ColumnInfo, ImportReport, RowIssue } from '../../../engine/import/types.ts';
import { uiError } from '../../app-state.ts';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { fieldName, importErrorText } from './import-words.ts';

export const PROBLEM_PAGE = 50;

/** The report's problems per row and column with their masked values, a page at a time from the worker. */
export function ProblemTable({ report, columns }: { report: ImportReport; columns: ColumnInfo[] }) {
  const d = t().import;
  const [offset, setOffset] = useState(0);
  const [issues, setIssues] = useState<RowIssue[]>(() => report.issues.slice(0, PROBLEM_PAGE));
  const [error, setError] = useState<string | null>(null);
  const total = report.issueCount;

  useEffect(() => {
    if (offset === 0 && report.offset === 0) {
      setIssues(report.issues.slice(0, PROBLEM_PAGE));
      return;
    }
    let live = true;
    engine()
      .importReport(report.importId, offset, PROBLEM_PAGE)
      .then(
        (r) => live && (setIssues(r.issues), setError(null)),
        (e) => live && setError(importErrorText(uiError(e))),
      );
    return () => {
      live = false;
    };
  }, [offset, report]);

  if (total === 0) return <p>{d.noProblems}</p>;
  const column = (i: RowIssue) => (i.column === null ? '' : columns[i.column]?.header || d.untitled(i.column + 1));
  return (
    <>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      <div class="table-wrap" tabIndex={0} role="region" aria-label={d.problemsRegion}>
        <table class="import-table problem-table">
          <caption>{d.problemsRange(offset + 1, Math.min(total, offset + PROBLEM_PAGE), total)}</caption>
          <thead>
            <tr>
              <th scope="col">{d.colRow}</th>
              <th scope="col">{d.colColumn}</th>
              <th scope="col">{d.colField}</th>
              <th scope="col">{d.colProblem}</th>
              <th scope="col">{d.colValue}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((i, k) => (
              <tr key={`${offset}-${k}`}>
                <td>{i.row}</td>
                <td>{column(i)}</td>
                <td>{i.field ? fieldName(i.field) : ''}</td>
                <td>{d.codes[i.code] ?? i.code}</td>
                <td class="masked">{i.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > PROBLEM_PAGE && (
        <div class="actions">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PROBLEM_PAGE))}>
            {d.previous}
          </button>
          <button type="button" disabled={offset + PROBLEM_PAGE >= total} onClick={() => setOffset(offset + PROBLEM_PAGE)}>
            {d.next}
          </button>
        </div>
      )}
    </>
  );
}
