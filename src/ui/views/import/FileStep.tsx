import { useEffect, useState } from 'preact/hooks';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { openFile } from './import-actions.ts';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file input, with the formats and the size limit the engine states. Choosing a file starts reading it in the worker. */
export function FileStep() {
  const d = t().import;
  const [maxBytes, setMaxBytes] = useState<number | null>(null);

  useEffect(() => {
    engine()
      .importLimits()
      .then((l) => setMaxBytes(l.maxBytes), () => setMaxBytes(null));
  }, []);

  const onChange = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (file) void openFile(file);
  };

  return (
    <div class="field import-file">
      <label for="import-file">{d.fileLabel}</label>
      <p class="hint" id="import-file-hint">
        {maxBytes === null ? '' : d.fileHint(maxBytes)} {d.intro}
      </p>
      <input id="import-file" type="file" accept={ACCEPT} aria-describedby="import-file-hint" onChange={onChange} />
    </div>
  );
}
