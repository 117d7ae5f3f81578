import type { Translate } from '../../i18n.js';
import type { Refusal } from './refusal.js';

/** The server's refusal, said plainly where the change was tried. */
export function RefusalText({ t, refusal }: { t: Translate; refusal: Refusal | null }) {
  if (!refusal) return null;
  return (
    <p role="alert" class="error">
      {t('refused', { message: refusal.message })}
    </p>
  );
}

/** The server's message for one field (by path), shown under that field. */
export function FieldError({ refusal, path }: { refusal: Refusal | null; path: string }) {
  const message = refusal?.fields[path];
  if (!message) return null;
  return (
    <small role="alert" class="error field-error" data-path={path}>
      {message}
    </small>
  );
}
