import { useEffect, useState } from 'preact/hooks';
import type { VaultSummary } from '../../engine/types.ts';
import { screen } from '../app-state.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { asUiError, engine } from '../engine-client.ts';
import { errorText } from '../error-text.ts';
import { formatDate, t } from '../i18n/index.ts';

/** The vaults on this device, by label (the only thing visible before unlock), and "New vault". */
export function VaultList() {
  const d = t();
  const [vaults, setVaults] = useState<VaultSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    engine()
      .listVaults()
      .then(setVaults, (e) => setError(errorText(asUiError(e))));
  }, []);

  return (
    <section class="panel">
      <PageHeading focus={false}>{d.vaultsHeading}</PageHeading>
      {error && <p role="alert" class="alert">{error}</p>}
      {vaults === null && !error && <p class="muted">{d.loading}</p>}
      {vaults?.length === 0 && <p class="empty">{d.vaultsEmpty}</p>}
      {vaults && vaults.length > 0 && (
        <ul class="vault-list">
          {vaults.map((v) => (
            <li key={v.id}>
              <button type="button" class="vault-button" onClick={() => (screen.value = { name: 'unlock', vault: v })}>
                {v.label}
              </button>
              <span class="muted small">{d.vaultCreatedOn(formatDate(v.createdAt))}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" class="primary" onClick={() => (screen.value = { name: 'create' })}>
          {d.newVault}
        </button>
      </p>
    </section>
  );
}
