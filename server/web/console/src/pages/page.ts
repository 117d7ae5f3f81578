import type { InsightFilter, User } from '@handoff/shared';
import type { FunctionComponent } from 'preact';
import type { Api } from '../api.js';
import type { Language, MessageKey, Translate } from '../i18n.js';

export interface PageProps {
  api: Api;
  t: Translate;
  lang: Language;
  user: User;
  filter: InsightFilter;
  /** Call with an error from the server: ends the console's session when the server says it ended. */
  onError: (err: unknown) => void;
}

/**
 * One page of the console. Pages are listed in `registry.ts`; adding a page is one file plus one
 * line there.
 */
export interface ConsolePage {
  /** The page's address: `#/<id>`. */
  id: string;
  title: MessageKey;
  /** Administration pages are listed apart from the insights in the navigation. */
  admin?: true;
  /** Whether the page takes the insight filters (period, team, product, version, category). */
  filtered: boolean;
  /** Who is offered the page; the server enforces access again on every call. */
  visible: (user: User) => boolean;
  Component: FunctionComponent<PageProps>;
}
