import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RecordListItem } from '../../engine/types.ts';
import { errorText } from '../error-text.ts';
import { t } from '../i18n/index.ts';
import { listScroll, type RecordFilter } from '../records-state.ts';
import { useRecordPages } from './record-pages.ts';

const ROW_HEIGHT = 56;
const OVERSCAN = 8;
const FETCH_DELAY_MS = 60;

function RowContent({ item }: { item: RecordListItem }) {
  const d = t();
  return (
    <>
      <span class="row-no">{item.customerNo}</span>
      <span class="row-name">{item.name}</span>
      <span class="row-id">{item.idTail ? d.idTail(item.idTail) : ''}</span>
      <span class="row-badges">
        {item.sensitivity && <span class={`badge sens-${item.sensitivity}`}>{item.sensitivity}</span>}
        {item.sample && <span class="badge sample">{d.sample}</span>}
      </span>
    </>
  );
}

/**
 * The windowed record list: fixed-height rows, only the visible ones (plus overscan) in the
 * DOM, pages fetched as the user scrolls. Rows are buttons; arrows, Page Up/Down, Home and
 * End move between them, Enter opens one.
 */
export function RecordList({ filter, filtered, onOpen }: { filter: RecordFilter; filtered: boolean; onOpen: (id: string) => void }) {
  const d = t();
  const pages = useRecordPages(filter);
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(() => listScroll.peek());
  const [height, setHeight] = useState(480);
  const pendingFocus = useRef<number | null>(null);
  const restored = useRef(false);
  const total = pages.total ?? 0;
  const filterKey = `${filter.search}\u0000${filter.category}\u0000${filter.sensitivity}`;
  const shownKey = useRef(filterKey);

  useEffect(() => {
    if (shownKey.current === filterKey) return;
    shownKey.current = filterKey;
    listScroll.value = 0;
    setScrollTop(0);
    if (box.current) box.current.scrollTop = 0;
  }, [filterKey]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (!restored.current && pages.total !== null && box.current) {
      restored.current = true;
      box.current.scrollTop = listScroll.peek();
    }
  }, [pages.total]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    if (last < first) return;
    const id = setTimeout(() => pages.ensure(first, last), FETCH_DELAY_MS);
    return () => clearTimeout(id);
  }, [first, last, total]);

  useEffect(() => {
    const i = pendingFocus.current;
    const btn = i === null ? null : box.current?.querySelector<HTMLButtonElement>(`button[data-index="${i}"]`);
    if (btn) {
      pendingFocus.current = null;
      btn.focus();
    }
  });

  const onScroll = () => {
    const top = box.current?.scrollTop ?? 0;
    listScroll.value = top;
    setScrollTop(top);
  };

  const moveTo = (i: number) => {
    const el = box.current;
    if (!el || total === 0) return;
    const j = Math.max(0, Math.min(total - 1, i));
    pendingFocus.current = j;
    if (j * ROW_HEIGHT < el.scrollTop) el.scrollTop = j * ROW_HEIGHT;
    else if ((j + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = (j + 1) * ROW_HEIGHT - el.clientHeight;
    const btn = el.querySelector<HTMLButtonElement>(`button[data-index="${j}"]`);
    if (btn) {
      pendingFocus.current = null;
      btn.focus();
    }
  };

  const onKeyDown = (i: number) => (e: KeyboardEvent) => {
    const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const to: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, PageDown: i + pageRows, PageUp: i - pageRows, Home: 0, End: total - 1 };
    if (e.key in to) {
      e.preventDefault();
      moveTo(to[e.key]!);
    }
  };

  const rows = [];
  for (let i = first; i <= last; i++) {
    const item = pages.get(i);
    rows.push(
      <li key={i} class="record-row" aria-setsize={total} aria-posinset={i + 1}>
        {item ? (
          <button type="button" class="row-button" data-index={i} onClick={() => onOpen(item.id)} onKeyDown={onKeyDown(i)}>
            <RowContent item={item} />
          </button>
        ) : (
          <span class="row-placeholder">{d.loading}</span>
        )}
      </li>,
    );
  }

  return (
    <div class="record-list">
      <p role="status" class="total">
        {pages.total === null ? d.loading : d.recordsTotal(pages.total)}
      </p>
      {pages.error && (
        <p role="alert" class="alert">
          {errorText(pages.error)}
        </p>
      )}
      {pages.total === 0 && <p class="empty">{filtered ? d.noMatches : d.noRecords}</p>}
      <div class={total ? 'record-scroll' : 'record-scroll empty-scroll'} ref={box} onScroll={onScroll}>
        <ul role="list" aria-label={d.recordList} class="record-rows" style={{ height: `${total * ROW_HEIGHT}px`, paddingTop: `${first * ROW_HEIGHT}px` }}>
          {rows}
        </ul>
      </div>
    </div>
  );
}
