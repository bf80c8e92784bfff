import type { DuplicateChoice, ImportReport } from '../../../engine/import/types.ts';
import { t } from '../../i18n/index.ts';

const SHOWN = 20;
const CHOICES: DuplicateChoice[] = ['skip', 'merge', 'keep'];

/** The duplicate customers (masked ID numbers and their rows) and what to do with them. */
export function Duplicates({ report, choice, onChoice }: { report: ImportReport; choice: DuplicateChoice; onChoice: (c: DuplicateChoice) => void }) {
  const d = t().import;
  const groups = report.duplicates;
  return (
    <section aria-labelledby="import-dups-heading">
      <h3 id="import-dups-heading">{d.duplicatesHeading}</h3>
      <ul class="dup-list" data-testid="import-duplicates">
        {groups.slice(0, SHOWN).map((g) => (
          <li key={g.key + g.rows.join()}>
            <span class="masked mono">{g.key}</span>: {d.duplicateRows(g.rows)}
            {g.inVault && <span class="badge">{d.inVault}</span>}
          </li>
        ))}
      </ul>
      {groups.length > SHOWN && <p class="muted small">{d.moreDuplicates(groups.length - SHOWN)}</p>}
      <fieldset class="dup-choice">
        <legend>{d.duplicatesChoice}</legend>
        {CHOICES.map((c) => (
          <div key={c} class="dup-option">
            <label class="check">
              <input type="radio" name="import-duplicates" value={c} checked={choice === c} aria-describedby={`import-dup-${c}-hint`} onChange={() => onChoice(c)} />
              {d.choices[c]}
            </label>
            <p class="hint" id={`import-dup-${c}-hint`}>
              {d.choiceHints[c]}
            </p>
          </div>
        ))}
      </fieldset>
    </section>
  );
}
