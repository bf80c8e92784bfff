import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../../../core/domain/fields.ts';
import { FATE_STATUSES, type FateStatus } from '../../../core/domain/retention/types.ts';
import type { FateFilter, FateFunnel, FateItem, RetentionView } from '../../../engine/archive/types.ts';
import type { Page } from '../../../engine/types.ts';
import { show, uiError } from '../../app-state.ts';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { archiveErrorText } from './archive-words.ts';
import { DatesForm } from './DatesForm.tsx';
import { FateActions } from './FateActions.tsx';
import { FateTable } from './FateTable.tsx';
import { FunnelList } from './FunnelSection.tsx';

const LIMIT = 50;

/**
 * Fates: the start dates retention counts from, the funnel, a filter choosing records, the
 * suggestion for them (shown first, stored only when the user applies it), setting a fate or a
 * legal hold on them, and the records with their retention basis and date.
 */
export function FatesPage() {
  const d = t().archive;
  const app = t();
  const [view, setView] = useState<RetentionView | null>(null);
  const [funnel, setFunnel] = useState<FateFunnel | null>(null);
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const [status, setStatus] = useState<FateStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<FateItem> | null>(null);
  // The filter the page shown was listed for: bulk actions act on exactly the records counted.
  const [pageFilter, setPageFilter] = useState<FateFilter>({});
  const [version, setVersion] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);

  const [searched, setSearched] = useState('');
  const filter: FateFilter = { ...(searched ? { search: searched } : {}), ...(category ? { category } : {}), ...(status ? { status } : {}) };
  const key = JSON.stringify(filter);

  useEffect(() => {
    const id = setTimeout(() => (setSearched(search.trim()), setOffset(0)), 150);
    return () => clearTimeout(id);
  }, [search]);

  useEffect(() => {
    Promise.all([engine().retentionGet(), engine().fateFunnel()]).then(
      ([v, f]) => {
        setView(v);
        setFunnel(f);
      },
      (e) => setFailure(archiveErrorText(uiError(e))),
    );
  }, []);

  useEffect(() => {
    let live = true;
    engine()
      .fateList(filter, offset, LIMIT)
      .then(
        (p) => {
          if (!live) return;
          setPage(p);
          setPageFilter(filter);
        },
        (e) => setFailure(archiveErrorText(uiError(e))),
      );
    return () => {
      live = false;
    };
  }, [key, offset, version]);

  const changed = (f: FateFunnel) => {
    setFunnel(f);
    setVersion((n) => n + 1);
  };

  if (failure) return <p role="alert" class="alert">{failure}</p>;
  if (!view || !funnel) return <p class="busy" aria-live="polite">{app.loading}</p>;
  return (
    <>
      {!view.profile && (
        <div class="notice">
          <p>{d.needProfile}</p>
          <button type="button" onClick={() => show({ name: 'checklist', page: { kind: 'profile' } })}>
            {d.openProfile}
          </button>
        </div>
      )}
      {view.profile && <p class="muted">{d.profileSays(view.scenarios.join(', '), view.transferRoute === 'pipl22' ? view.recipient ?? '' : null)}</p>}
      <DatesForm view={view} onSaved={(v) => (setView(v), setVersion((n) => n + 1))} />
      <FunnelList funnel={funnel} id="archive-funnel" />
      <section class="card" aria-labelledby="choose-heading">
        <h2 id="choose-heading">{d.chooseHeading}</h2>
        <div class="filters" role="search">
          <div class="field search-field">
            <label for="fate-search">{app.search}</label>
            <input id="fate-search" type="search" value={search} placeholder={app.searchPlaceholder} autoComplete="off" spellcheck={false} onInput={(e) => setSearch(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="fate-category">{app.category}</label>
            <select id="fate-category" value={category} onChange={(e) => (setCategory(e.currentTarget.value as Category | ''), setOffset(0))}>
              <option value="">{app.all}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {app.categories[c]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="fate-status">{d.statusFilter}</label>
            <select id="fate-status" value={status} onChange={(e) => (setStatus(e.currentTarget.value as FateStatus | ''), setOffset(0))}>
              <option value="">{app.all}</option>
              {FATE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {d.statuses[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p role="status" class="total">{page ? d.matching(page.total) : ''}</p>
        {page && page.total > 0 && <FateActions filter={pageFilter} count={page.total} profile={view.profile} onChanged={changed} />}
      </section>
      {page && <FateTable page={page} limit={LIMIT} onPage={setOffset} />}
    </>
  );
}
