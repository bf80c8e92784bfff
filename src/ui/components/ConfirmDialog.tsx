import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/index.ts';

export interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}

/** A modal <dialog> asking to confirm a destructive step; Escape or Cancel closes it, focus starts on Cancel. */
export function ConfirmDialog(p: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dlg = ref.current;
    if (!dlg) return;
    dlg.showModal();
    cancelRef.current?.focus();
    return () => dlg.open && dlg.close();
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" onClose={p.onClose}>
      <h2 id="confirm-title">{p.title}</h2>
      <p id="confirm-body">{p.body}</p>
      <div class="actions">
        <button type="button" ref={cancelRef} onClick={() => ref.current?.close()}>
          {t().cancel}
        </button>
        <button type="button" class="danger" onClick={p.onConfirm}>
          {p.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
