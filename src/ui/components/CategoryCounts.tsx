import { CATEGORIES, SENSITIVITIES, type Category, type Sensitivity } from '../../core/domain/fields.ts';
import { t } from '../i18n/index.ts';

/** Counts by category and by sensitivity level, side by side; `prefix` heads both lists. */
export function CategoryCounts(p: { byCategory: Record<Category, number>; bySensitivity: Record<Sensitivity, number>; level: 2 | 3; prefix?: string }) {
  const d = t();
  const H = p.level === 2 ? 'h2' : 'h3';
  const head = (s: string) => (p.prefix ? `${p.prefix}: ${s}` : s);
  return (
    <div class="counts">
      <section>
        <H class="small-heading">{head(d.byCategory)}</H>
        <dl class="count-list">
          {CATEGORIES.map((c) => (
            <div key={c}>
              <dt>{d.categories[c]}</dt>
              <dd>{p.byCategory[c]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section>
        <H class="small-heading">{head(d.bySensitivity)}</H>
        <dl class="count-list">
          {SENSITIVITIES.map((s) => (
            <div key={s}>
              <dt>
                <span class={`badge sens-${s}`}>{s}</span>
              </dt>
              <dd>{p.bySensitivity[s]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
