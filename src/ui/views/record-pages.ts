/**
 * Pages of the record list, fetched from the engine on demand as the window moves: 200 rows a
 * page, at most MAX_PAGES kept, stale answers (from a previous filter) dropped.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RecordListItem } from '../../engine/types.ts';
import { uiError } from '../app-state.ts';
import { engine, type UiError } from '../engine-client.ts';
import type { RecordFilter } from '../records-state.ts';

export const PAGE_SIZE = 200;
const MAX_PAGES = 12;

export interface RecordPages {
  /** Rows matching the filter, or null until the first page arrives. */
  total: number | null;
  error: UiError | null;
  /** The row at `index`, or undefined while its page loads. */
  get(index: number): RecordListItem | undefined;
  /** Fetches the pages covering rows first..last that are not held yet. */
  ensure(first: number, last: number): void;
}

interface State {
  gen: number;
  pages: Map<number, RecordListItem[]>;
  loading: Set<number>;
  total: number | null;
  error: UiError | null;
}

/** Holds the pages for `filter`; starts over when the filter changes. */
export function useRecordPages(filter: RecordFilter): RecordPages {
  const [, setVersion] = useState(0);
  const st = useRef<State>({ gen: 0, pages: new Map(), loading: new Set(), total: null, error: null }).current;
  const bump = () => setVersion((n) => n + 1);

  const load = (p: number) => {
    if (st.pages.has(p) || st.loading.has(p)) return;
    st.loading.add(p);
    const gen = st.gen;
    engine()
      .listRecords({
        search: filter.search || undefined,
        category: filter.category || undefined,
        sensitivity: filter.sensitivity || undefined,
        offset: p * PAGE_SIZE,
        limit: PAGE_SIZE,
      })
      .then(
        (page) => {
          if (gen !== st.gen) return;
          st.loading.delete(p);
          st.pages.set(p, page.items);
          st.total = page.total;
          st.error = null;
          evict(st.pages, p);
          bump();
        },
        (e) => {
          if (gen !== st.gen) return;
          st.loading.delete(p);
          st.error = uiError(e);
          bump();
        },
      );
  };

  useEffect(() => {
    st.gen++;
    st.pages.clear();
    st.loading.clear();
    st.total = null;
    st.error = null;
    bump();
    load(0);
  }, [filter.search, filter.category, filter.sensitivity]);

  return {
    total: st.total,
    error: st.error,
    get: (i) => st.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE],
    ensure: (first, last) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) load(p);
    },
  };
}

function evict(pages: Map<number, RecordListItem[]>, near: number): void {
  while (pages.size > MAX_PAGES) {
    let far = near;
    for (const p of pages.keys()) if (Math.abs(p - near) > Math.abs(far - near)) far = p;
    pages.delete(far);
  }
}
