import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArchiveRegister, CustodyKeyInfo, ExportProgress, ExportResult, FateFunnel } from '../../../engine/archive/types.ts';
import { session, uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { StrengthMeter } from '../../components/StrengthMeter.tsx';
import { callback, engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { itemLabel } from '../checklist/checklist-model.ts';
import { saveBlob } from '../checklist/blob-url.ts';
import { archiveErrorText, formatBytes, recipientText } from './archive-words.ts';
import { go } from './route.ts';

type Mode = 'keys' | 'passphrase';

function Result({ r, onSave }: { r: ExportResult; onSave: () => void }) {
  const d = t().archive;
  return (
    <div class="ok" role="status">
      <p>
        <strong>{d.exported(r.entry.number)}</strong> {d.exportedSize(formatBytes(r.entry.size), r.entry.counts.records)}
      </p>
      <p class="mono wrap small">SHA-256 {r.entry.sha256}</p>
      <p class="small">{d.exportedFor(r.entry.recipients.map(recipientText).join(', '))}</p>
      {r.ticked.length > 0 && <p class="small">{d.ticked(r.ticked.map(itemLabel).join('；'))}</p>}
      {r.damagedEvents > 0 && <p class="small">{d.damagedEvents(r.damagedEvents)}</p>}
      <div class="actions">
        <button type="button" onClick={onSave}>
          {d.saveAgain(r.fileName)}
        </button>
        <button type="button" onClick={() => go('register')}>
          {d.toRegister}
        </button>
      </div>
    </div>
  );
}

/**
 * Exporting a bundle: to custody keys (and optionally one more age public key), or to a
 * passphrase instead; progress with Cancel while the worker builds it; the file is saved as it
 * completes, and the result says what it holds and which checklist items it ticked.
 */
export function ExportPage() {
  const d = t().archive;
  const [keys, setKeys] = useState<CustodyKeyInfo[] | null>(null);
  const [reg, setReg] = useState<ArchiveRegister | null>(null);
  const [funnel, setFunnel] = useState<FateFunnel | null>(null);
  const [mode, setMode] = useState<Mode>('keys');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [extra, setExtra] = useState('');
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ keys?: string; extra?: string; pass?: string; repeat?: string }>({});
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    Promise.all([engine().custodyKeys(), engine().archiveRegister(), engine().fateFunnel()]).then(
      ([k, r, f]) => {
        setKeys(k);
        setReg(r);
        setFunnel(f);
        if (k.length === 1) setChosen(new Set([k[0]!.id]));
      },
      (e) => setFailure(archiveErrorText(uiError(e))),
    );
  }, []);
  useEffect(() => {
    if (running) cancelRef.current?.focus();
  }, [running]);

  const start = async (e: Event) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (mode === 'keys' && !chosen.size && !extra.trim()) found.keys = d.errNoRecipient;
    if (mode === 'keys' && extra.trim() && !/^age1[02-9ac-hj-np-z]{58}$/.test(extra.trim())) found.extra = d.errRecipient;
    if (mode === 'passphrase' && pass.length < 8) found.pass = t().errPassphraseShort;
    if (mode === 'passphrase' && repeat !== pass) found.repeat = t().errPassphraseMismatch;
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    setRunning(true);
    setResult(null);
    setProgress(null);
    try {
      const options = mode === 'keys' ? { keyIds: [...chosen], ...(extra.trim() ? { extraRecipient: extra.trim() } : {}) } : { passphrase: pass };
      const r = await engine().archiveExport(options, callback((p: ExportProgress) => setProgress(p)));
      saveBlob(r.blob, r.fileName);
      setResult(r);
      setPass('');
      setRepeat('');
      if (session.value) session.value = { ...session.value, settings: { ...session.value.settings, lastExportAt: r.entry.createdAt } };
      setReg(await engine().archiveRegister());
    } catch (err) {
      setFailure(archiveErrorText(uiError(err)));
    } finally {
      setRunning(false);
    }
  };

  if (!keys || !reg || !funnel) return failure ? <p role="alert" class="alert">{failure}</p> : <p class="busy">{t().loading}</p>;
  return (
    <form class="card" onSubmit={start} noValidate aria-labelledby="export-heading">
      <h2 id="export-heading">{d.exportHeading(reg.next)}</h2>
      <p>{d.exportContents(funnel.total, funnel.undecided)}</p>
      <fieldset class="choice" disabled={running}>
        <legend>{d.encryptTo}</legend>
        {(['keys', 'passphrase'] as const).map((m) => (
          <p class="check" key={m}>
            <input id={`export-mode-${m}`} type="radio" name="export-mode" checked={mode === m} onChange={() => setMode(m)} />
            <label for={`export-mode-${m}`}>{m === 'keys' ? d.modeKeys : d.modePassphrase}</label>
          </p>
        ))}
      </fieldset>
      {mode === 'keys' ? (
        <>
          <fieldset class="choice" disabled={running} aria-describedby={errors.keys ? 'export-keys-error' : undefined}>
            <legend>{d.chooseKeys}</legend>
            {keys.length ? (
              keys.map((k) => (
                <p class="check" key={k.id}>
                  <input
                    id={`export-key-${k.id}`}
                    type="checkbox"
                    checked={chosen.has(k.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.currentTarget.checked) next.add(k.id);
                      else next.delete(k.id);
                      setChosen(next);
                    }}
                  />
                  <label for={`export-key-${k.id}`}>{k.year !== undefined ? d.keyYearTitle(k.year) : d.keyClassTitle(k.label)}</label>
                </p>
              ))
            ) : (
              <p class="notice">
                {d.noKeysForExport}{' '}
                <button type="button" class="link" onClick={() => go('keys')}>
                  {d.pages.keys}
                </button>
              </p>
            )}
            {errors.keys && (
              <p id="export-keys-error" class="error-text">
                {errors.keys}
              </p>
            )}
          </fieldset>
          <Field id="export-extra" label={d.extraRecipient} hint={d.extraRecipientHint} value={extra} onInput={setExtra} error={errors.extra} disabled={running} />
        </>
      ) : (
        <>
          <p class="hint">{d.passphraseModeHint}</p>
          <Field id="export-pass" type="password" label={d.bundlePassphrase} value={pass} onInput={setPass} error={errors.pass} autoComplete="new-password" disabled={running} />
          <StrengthMeter passphrase={pass} />
          <Field id="export-repeat" type="password" label={d.bundlePassphraseRepeat} value={repeat} onInput={setRepeat} error={errors.repeat} autoComplete="new-password" disabled={running} />
        </>
      )}
      {running ? (
        <div class="export-progress">
          <label for="export-progress">{d.progressLabel}</label>
          {progress ? <progress key="d" id="export-progress" max={Math.max(1, progress.total)} value={Math.min(progress.done, progress.total)} /> : <progress key="i" id="export-progress" />}
          <p aria-live="polite">{progress ? d.phases[progress.phase] : d.phases.records}</p>
          <button type="button" ref={cancelRef} onClick={() => void engine().archiveCancel()}>
            {t().cancel}
          </button>
        </div>
      ) : (
        <div class="actions">
          <button type="submit" class="primary">
            {d.exportButton}
          </button>
        </div>
      )}
      {failure && <p role="alert" class="alert">{failure}</p>}
      {result && <Result r={result} onSave={() => saveBlob(result.blob, result.fileName)} />}
    </form>
  );
}
