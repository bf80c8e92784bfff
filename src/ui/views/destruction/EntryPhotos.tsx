import { useState } from 'preact/hooks';
import type { EntryInfo, PhotoInfo } from '../../../engine/destruction/types.ts';
import { uiError } from '../../app-state.ts';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { saveBlob, useThumbnail } from '../checklist/blob-url.ts';
import { destructionErrorText } from './destruction-words.ts';

/** A photo's sealed thumbnail, decrypted in the worker, with a button that downloads the photo. */
function Photo({ p, onProblem }: { p: PhotoInfo; onProblem: (text: string) => void }) {
  const d = t().destruction;
  const url = useThumbnail(!!p.thumb, p.id, () => engine().destructionThumbnail(p.id));
  const download = async () => {
    try {
      const f = await engine().destructionPhoto(p.id);
      saveBlob(f.blob, f.name);
    } catch (e) {
      onProblem(destructionErrorText(uiError(e)));
    }
  };
  return (
    <li>
      {url && <img class="thumb" src={url} alt={d.photoAlt(p.name)} />}
      <button type="button" onClick={() => void download()}>
        {d.downloadPhoto(p.name)}
      </button>
    </li>
  );
}

/** The photos of the log's entries, by entry. */
export function EntryPhotos({ entries }: { entries: EntryInfo[] }) {
  const d = t().destruction;
  const [problem, setProblem] = useState<string | null>(null);
  const withPhotos = entries.filter((e) => e.photos.length);
  if (!withPhotos.length) return null;
  return (
    <section aria-labelledby="photos-heading">
      <h3 id="photos-heading">{d.photosHeading}</h3>
      {problem && (
        <p role="alert" class="alert">
          {problem}
        </p>
      )}
      {withPhotos.map((e) => (
        <div key={e.seq}>
          <h4>{d.photosOf(e.seq, e.batch)}</h4>
          <ul class="photo-grid">
            {e.photos.map((p) => (
              <Photo key={p.id} p={p} onProblem={setProblem} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
