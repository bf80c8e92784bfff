/** Where in the archive screens the user is. */
import { show } from '../../app-state.ts';

export type ArchivePage = 'fates' | 'keys' | 'export' | 'register' | 'open';

export const ARCHIVE_PAGES: readonly ArchivePage[] = ['fates', 'keys', 'export', 'register', 'open'];

/** Shows a page of the archive screens. */
export function go(page: ArchivePage): void {
  show({ name: 'archive', page });
}
