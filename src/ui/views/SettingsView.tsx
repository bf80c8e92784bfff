import { PageHeading } from '../components/PageHeading.tsx';
import { t } from '../i18n/index.ts';
import { AutoLockSection } from './AutoLockSection.tsx';
import { OperatorsSection } from './OperatorsSection.tsx';
import { PassphraseSection } from './PassphraseSection.tsx';
import { StorageSection } from './StorageSection.tsx';

/** Settings: operators (key slots), the signed-in operator's passphrase, auto-lock, storage. */
export function SettingsView() {
  return (
    <section>
      <PageHeading>{t().settingsHeading}</PageHeading>
      <div class="settings-grid">
        <OperatorsSection />
        <PassphraseSection />
        <AutoLockSection />
        <StorageSection />
      </div>
    </section>
  );
}
