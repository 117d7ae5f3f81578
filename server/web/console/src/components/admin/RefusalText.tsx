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

/** The server's message for one field (by path, or the first under `within`: "hours.mon" for "hours.mon.0.from"), shown under that field. */
export function FieldError({ refusal, path, within = false }: { refusal: Refusal | null; path: string; within?: boolean }) {
  const fields = refusal?.fields ?? {};
  const key = within ? Object.keys(fields).find((k) => k === path || k.startsWith(`${path}.`)) : path;
  const message = key === undefined ? undefined : fields[key];
  if (!message) return null;
  return (
    <small role="alert" class="error field-error" data-path={path}>
      {message}
    </small>
  );
}
