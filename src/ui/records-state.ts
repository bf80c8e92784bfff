/**
 * The record list's filter and scroll position, kept across opening a record and coming back.
 * Search text may be a customer's name, so all of it is emptied on lock.
 */
import { signal } from '@preact/signals';
import type { Category, Sensitivity } from '../core/domain/fields.ts';
import { onLockClear } from './app-state.ts';

export interface RecordFilter {
  search: string;
  category: Category | '';
  sensitivity: Sensitivity | '';
}

const EMPTY: RecordFilter = { search: '', category: '', sensitivity: '' };

/** The filter the list is showing (search already debounced). */
export const recordFilter = signal<RecordFilter>(EMPTY);
/** What is typed in the search box, ahead of the debounce. */
export const searchText = signal('');
/** The list's scroll offset in px, restored when the list shows again. */
export const listScroll = signal(0);

onLockClear(() => {
  recordFilter.value = EMPTY;
  searchText.value = '';
  listScroll.value = 0;
});
