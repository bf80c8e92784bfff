import { useEffect, useRef, useState } from 'preact/hooks';
import type { VaultSummary } from '../../engine/types.ts';
import { enterVault, screen, type LockNotice } from '../app-state.ts';
import { Field } from '../components/Field.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { asUiError, engine } from '../engine-client.ts';
import { errorText } from '../error-text.ts';
import { t, type Dict } from '../i18n/index.ts';

function noticeText(n: LockNotice | undefined, d: Dict): string {
  if (n === 'idle') return d.lockedIdle;
  if (n === 'hidden') return d.lockedHidden;
  if (n === 'elsewhere') return d.lockedElsewhere;
  return '';
}

/** Unlock with a passphrase, or with the recovery key; errors say which key was wrong and how. */
export function UnlockScreen({ vault, notice }: { vault: VaultSummary; notice?: LockNotice }) {
  const d = t();
  const [useRecovery, setUseRecovery] = useState(false);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);

  useEffect(() => inputRef.current?.focus(), [useRecovery]);

  const toggle = () => {
    setUseRecovery(!useRecovery);
    setSecret('');
    setError(null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!secret.trim()) {
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const info = useRecovery ? await engine().unlockWithRecoveryKey(vault.id, secret) : await engine().unlockWithPassphrase(vault.id, secret);
      setSecret('');
      enterVault(info);
    } catch (err) {
      const ue = asUiError(err);
      setError(ue.code === 'NOT_FOUND' ? d.errVaultNotFound : errorText(ue));
      if (!useRecovery) setSecret('');
      setBusy(false);
      inputRef.current?.focus();
    }
  };

  const noticeLine = noticeText(notice, d);
  return (
    <section class="panel narrow">
      <PageHeading focus={false}>{vault.label}</PageHeading>
      {noticeLine && (
        <p role="status" class="notice">
          {noticeLine}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        {useRecovery ? (
          <Field
            id="unlock-recovery"
            label={d.recoveryKey}
            hint={d.recoveryKeyHint}
            inputClass="key-input"
            value={secret}
            onInput={setSecret}
            inputRef={inputRef}
            disabled={busy}
          />
        ) : (
          <Field
            id="unlock-passphrase"
            type="password"
            label={d.passphrase}
            value={secret}
            onInput={setSecret}
            autoComplete="current-password"
            inputRef={inputRef}
            disabled={busy}
          />
        )}
        {error && (
          <p role="alert" class="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {d.unlock}
          </button>
          <button type="button" onClick={toggle} disabled={busy}>
            {useRecovery ? d.usePassphrase : d.useRecoveryKey}
          </button>
        </div>
        <p aria-live="polite" class="busy">{busy ? (useRecovery ? d.opening : d.deriving) : ''}</p>
      </form>
      <p>
        <button type="button" class="link" onClick={() => (screen.value = { name: 'vaults' })} disabled={busy}>
          {d.backToVaults}
        </button>
      </p>
    </section>
  );
}
