import { t } from '../../i18n/index.ts';

const MAX = 10;

/** Photos for an entry: from the phone's camera or chosen files, listed with a way to remove each before recording. */
export function PhotoPicker({ id, photos, onChange, disabled }: { id: string; photos: File[]; onChange: (f: File[]) => void; disabled?: boolean }) {
  const d = t().destruction;
  const add = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) onChange([...photos, ...files].slice(0, MAX));
  };
  return (
    <div class="photo-picker">
      <p id={`${id}-hint`} class="hint">
        {d.photosHint}
      </p>
      <div class="file-inputs">
        <div class="field">
          <label for={`${id}-camera`}>{d.takePhoto}</label>
          <input id={`${id}-camera`} type="file" accept="image/*" capture="environment" aria-describedby={`${id}-hint`} onChange={add} disabled={disabled || photos.length >= MAX} />
        </div>
        <div class="field">
          <label for={`${id}-files`}>{d.choosePhotos}</label>
          <input id={`${id}-files`} type="file" accept="image/*" multiple aria-describedby={`${id}-hint`} onChange={add} disabled={disabled || photos.length >= MAX} />
        </div>
      </div>
      {photos.length > 0 && (
        <>
          <p role="status" class="small">
            {d.photosChosen(photos.length)}
          </p>
          <ul class="photo-list">
            {photos.map((f, i) => (
              <li key={`${i}-${f.name}`}>
                <span class="wrap">{f.name}</span>{' '}
                <button type="button" disabled={disabled} onClick={() => onChange(photos.filter((_, j) => j !== i))}>
                  {d.removePhoto(f.name)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
