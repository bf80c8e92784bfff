import { lazyModule } from '../../lazy.tsx';
import type { DestructionPage } from './route.ts';

// The destruction screens load only when opened.
const view = lazyModule(() => import('./DestructionView.tsx'));

/** The destruction screens, loaded on demand; `page` defaults to the batches. */
export function DestructionRoute({ page, batchId }: { page?: DestructionPage; batchId?: string | null }) {
  return <view.Render render={(m) => <m.DestructionView page={page ?? 'batches'} batchId={batchId ?? null} />} />;
}
