import { useEffect, useState } from 'preact/hooks';
import { FATE_STATUSES, type FateFunnel } from '../../../core/domain/retention/types.ts';
import { uiError } from '../../app-state.ts';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';

/** The funnel as a list: undecided, keep, transfer, destroy, held — each a count. */
export function FunnelList({ funnel, id }: { funnel: FateFunnel; id: string }) {
  const d = t().archive;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} class="small-heading">
        {d.funnelHeading}
      </h2>
      <dl class="count-list funnel" data-testid="fate-funnel">
        {FATE_STATUSES.map((s) => (
          <div key={s} class={`funnel-${s}`}>
            <dt>{d.statuses[s]}</dt>
            <dd>{funnel[s]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The records screen's funnel, loaded on its own; nothing while the vault has no records. */
export function FunnelSection() {
  const [funnel, setFunnel] = useState<FateFunnel | null>(null);
  useEffect(() => {
    engine()
      .fateFunnel()
      .then(setFunnel, (e) => uiError(e));
  }, []);
  if (!funnel?.total) return null;
  return <FunnelList funnel={funnel} id="records-funnel" />;
}
