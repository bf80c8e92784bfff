import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, SENSITIVITIES, type Category, type Sensitivity } from '../../core/domain/fields.ts';
import type { Counts } from '../../engine/types.ts';
import { show, uiError } from '../app-state.ts';
import { CategoryCounts } from '../components/CategoryCounts.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { engine } from '../engine-client.ts';
import { t } from '../i18n/index.ts';
import { recordFilter, searchText } from '../records-state.ts';
import { RecordList } from './RecordList.tsx';
import { SampleOffer } from './import/SampleOffer.tsx';
import { FunnelSection } from './archive/FunnelSection.tsx';

const SEARCH_DEBOUNCE_MS = 150;


/** The records screen: counts, search and filters, "Add record" and the windowed list. */
export function RecordsView() {
  const d = t();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [loaded, setLoaded] = useState(0);
  const filter = recordFilter.value;
  const typed = searchText.value;

  useEffect(() => {
    engine()
      .counts()
      .then(setCounts, (e) => uiError(e));
  }, [loaded]);

  useEffect(() => {
    if (typed.trim() === recordFilter.peek().search) return;
    const id = setTimeout(() => (recordFilter.value = { ...recordFilter.peek(), search: typed.trim() }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [typed]);

  const filtered = !!(filter.search || filter.category || filter.sensitivity);
  return (
    <section>
      <div class="title-row">
        <PageHeading>{d.recordsHeading}</PageHeading>
        <button type="button" class="primary" onClick={() => show({ name: 'record', id: null })}>
          {d.addRecord}
        </button>
      </div>
      {counts && <CategoryCounts byCategory={counts.byCategory} bySensitivity={counts.bySensitivity} level={2} />}
      {!!counts?.total && <FunnelSection key={loaded} />}
      {counts?.total === 0 && <SampleOffer onDone={() => setLoaded((n) => n + 1)} />}
      <div class="filters" role="search">
        <div class="field search-field">
          <label for="record-search">{d.search}</label>
          <input id="record-search" type="search" value={typed} placeholder={d.searchPlaceholder} autoComplete="off" spellcheck={false} onInput={(e) => (searchText.value = e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="record-category">{d.category}</label>
          <select id="record-category" value={filter.category} onChange={(e) => (recordFilter.value = { ...filter, category: e.currentTarget.value as Category | '' })}>
            <option value="">{d.all}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {d.categories[c]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="record-sensitivity">{d.sensitivity}</label>
          <select id="record-sensitivity" value={filter.sensitivity} onChange={(e) => (recordFilter.value = { ...filter, sensitivity: e.currentTarget.value as Sensitivity | '' })}>
            <option value="">{d.all}</option>
            {SENSITIVITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      <RecordList key={loaded} filter={filter} filtered={filtered} onOpen={(id) => show({ name: 'record', id })} />
    </section>
  );
}
