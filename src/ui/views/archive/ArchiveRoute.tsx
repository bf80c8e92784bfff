import { lazyModule } from '../../lazy.tsx';
import type { ArchivePage } from './route.ts';

// Retention rules, age and the archive screens load only when the archive is opened.
const view = lazyModule(() => import('./ArchiveView.tsx'));

/** The archive screens, loaded on demand; `page` defaults to fates. */
export function ArchiveRoute({ page }: { page?: ArchivePage }) {
  return <view.Render render={(m) => <m.ArchiveView page={page ?? 'fates'} />} />;
}
