import type { Api } from '../../api.js';
import type { Translate } from '../../i18n.js';

/** What every administrative form gets: the API, the translator, where errors go, and what to do once saved. */
export interface AdminFormProps {
  api: Api;
  t: Translate;
  /** Ends the session when the server says it ended (the form shows the refusal itself). */
  onError: (err: unknown) => void;
  onSaved: () => void;
}

/** "billing, web ,, mobile" → ["billing", "web", "mobile"]: lists typed into one field. */
export const commaList = (s: string): string[] =>
  s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
