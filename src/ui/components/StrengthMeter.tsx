import { t } from '../i18n/index.ts';
import { estimateStrength } from '../passphrase-strength.ts';

/** A meter (role="meter", "Passphrase strength") with the level in words beside it. */
export function StrengthMeter({ passphrase }: { passphrase: string }) {
  const d = t();
  const { bits, level } = estimateStrength(passphrase);
  const word = d.strengthLevels[level];
  return (
    <div class={`strength strength-${level}`}>
      <meter
        role="meter"
        aria-label={d.strength}
        aria-valuetext={word}
        aria-valuenow={Math.min(100, bits)}
        aria-valuemin={0}
        aria-valuemax={100}
        min={0}
        max={100}
        low={50}
        high={75}
        optimum={100}
        value={Math.min(100, bits)}
      />
      <span class="strength-text">{d.strengthText(word)}</span>
    </div>
  );
}
