import type { Translate } from '../../i18n.js';
import { CopyButton } from './CopyButton.js';

/** A token's secret, shown once right after it is issued or rotated. */
export function SecretOnce({ t, label, secret, onDone }: { t: Translate; label: string; secret: string; onDone: () => void }) {
  return (
    <div class="secret" role="status">
      <p>{t('secretOnce', { label })}</p>
      <code data-testid="secret">{secret}</code>
      <CopyButton t={t} text={secret} />
      <button type="button" class="secondary" onClick={onDone}>
        {t('secretStored')}
      </button>
    </div>
  );
}
