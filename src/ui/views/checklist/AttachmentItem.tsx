import { useState } from 'preact/hooks';
import type { AttachmentInfo } from '../../../engine/checklist/types.ts';
import { uiError } from '../../app-state.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { engine } from '../../engine-client.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { saveBlob, useThumbnail } from './blob-url.ts';
import { failureText, formatSize } from './checklist-model.ts';

/** The sealed thumbnail, decrypted in the worker, shown from an object URL revoked when it leaves the screen. */
function Thumb({ a }: { a: AttachmentInfo }) {
  const d = t().checklist;
  const url = useThumbnail(!!a.thumb, a.id, () => engine().checklistThumbnail(a.id));
  if (url) return <img class="thumb" src={url} alt={d.thumbAlt(a.name)} data-testid="evidence-thumbnail" />;
  return (
    <span class="thumb file-icon" aria-hidden="true">
      {a.type === 'application/pdf' ? d.kindPdf : d.kindImage}
    </span>
  );
}

/** One evidence file: thumbnail or icon, name, size, who attached it, Download and Remove. */
export function AttachmentItem({ a, onRemoved, onProblem }: { a: AttachmentInfo; onRemoved: (name: string) => void; onProblem: (text: string) => void }) {
  const d = t().checklist;
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const f = await engine().checklistAttachment(a.id);
      saveBlob(f.blob, f.name);
    } catch (e) {
      onProblem(failureText(uiError(e), true));
    }
    setBusy(false);
  };

  const remove = async () => {
    setConfirm(false);
    setBusy(true);
    try {
      await engine().checklistDetach(a.id);
      onRemoved(a.name);
    } catch (e) {
      onProblem(failureText(uiError(e), true));
      setBusy(false);
    }
  };

  return (
    <li class="attachment">
      <Thumb a={a} />
      <span class="attachment-text">
        <strong class="attachment-name">{a.name}</strong>
        <span class="muted small">
          {a.type === 'application/pdf' ? d.kindPdf : d.kindImage} · {formatSize(a.size)} · {d.byOn(a.by, formatDate(a.at))}
        </span>
      </span>
      <span class="attachment-actions">
        <button type="button" onClick={download} disabled={busy}>
          {d.download}
          <span class="visually-hidden"> {a.name}</span>
        </button>
        <button type="button" class="danger" onClick={() => setConfirm(true)} disabled={busy}>
          {d.remove}
          <span class="visually-hidden"> {a.name}</span>
        </button>
      </span>
      {confirm && <ConfirmDialog title={d.confirmRemoveTitle} body={d.confirmRemoveBody} confirmLabel={d.remove} onConfirm={remove} onClose={() => setConfirm(false)} />}
    </li>
  );
}
