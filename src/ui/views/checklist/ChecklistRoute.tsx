import { lazyModule } from '../../lazy.tsx';
import type { ChecklistPage } from './route.ts';

// The rules, their citations and the checklist screens load only when the checklist is opened.
const view = lazyModule(() => import('./ChecklistView.tsx'));

/** The checklist screens, loaded on demand; `page` defaults to the overview of phases. */
export function ChecklistRoute({ page }: { page?: ChecklistPage }) {
  return <view.Render render={(m) => <m.ChecklistView page={page ?? { kind: 'overview' }} />} />;
}
