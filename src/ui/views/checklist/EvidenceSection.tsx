import { useState } from 'preact/hooks';
import type { StoredItemState } from '../../../core/domain/checklists/index.ts';
import { uiError } from '../../app-state.ts';
import { engine } from '../../engine-client.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { AttachmentItem } from './AttachmentItem.tsx';
import { failureText, limitMb } from './checklist-model.ts';
import type { ChecklistData } from './ChecklistView.tsx';

const ACCEPT = 'image/*,application/pdf';

/**
 * An item's evidence: actions of the app that ticked it, and files or camera photos attached
 * through a file input. The size is checked here before the file crosses to the worker; the
 * engine checks size and type (from the bytes) again.
 */
export function EvidenceSection({ data, id, state }: { data: ChecklistData; id: string; state: StoredItemState }) {
  const d = t().checklist;
  const [msg, setMsg] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const files = data.snap.attachments.filter((a) => a.itemId === id);
  const actions = state.evidence.filter((e) => e.kind === 'action');
  const mb = limitMb(data.limits.maxBytes);

  const refresh = async () => data.update(await engine().checklistGet());

  const attach = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMsg(null);
    setAlert(null);
    if (file.size === 0) return setAlert(d.errEmpty);
    if (file.size > data.limits.maxBytes) return setAlert(d.errTooLarge(mb));
    setBusy(true);
    try {
      const info = await engine().checklistAttach(id, file, file.name);
      await refresh();
      setMsg(d.attached(info.name));
    } catch (err) {
      setAlert(failureText(uiError(err), true));
    }
    setBusy(false);
  };

  const removed = async (name: string) => {
    setAlert(null);
    try {
      await refresh();
      setMsg(d.removed(name));
    } catch (err) {
      setAlert(failureText(uiError(err)));
    }
  };

  return (
    <section aria-labelledby="evidence-heading" class="evidence">
      <h2 id="evidence-heading">{d.evidence}</h2>
      {files.length + actions.length === 0 && <p class="muted">{d.noEvidence}</p>}
      <ul class="evidence-list">
        {actions.map((a) => (
          <li key={a.ref} class="action-evidence">
            <span class="badge verified-badge">{d.actionEvidence}</span> {a.label} <span class="muted small">{formatDate(a.at)}</span>
          </li>
        ))}
        {files.map((a) => (
          <AttachmentItem key={a.id} a={a} onRemoved={removed} onProblem={setAlert} />
        ))}
      </ul>
      <p id="evidence-hint" class="hint">
        {d.fileHint(mb)}
      </p>
      <div class="file-inputs no-print">
        <div class="field">
          <label for="evidence-photo">{d.takePhoto}</label>
          <input id="evidence-photo" type="file" accept={ACCEPT} capture="environment" aria-describedby="evidence-hint" onChange={attach} disabled={busy} />
        </div>
        <div class="field">
          <label for="evidence-file">{d.chooseFile}</label>
          <input id="evidence-file" type="file" accept={ACCEPT} aria-describedby="evidence-hint" onChange={attach} disabled={busy} />
        </div>
      </div>
      {alert && (
        <p role="alert" class="alert">
          {alert}
        </p>
      )}
      <p aria-live="polite" class="busy">
        {busy ? d.attaching : (msg ?? '')}
      </p>
    </section>
  );
}
