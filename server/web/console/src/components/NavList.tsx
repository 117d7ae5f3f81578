import type { Translate } from '../i18n.js';
import type { ConsolePage } from '../pages/page.js';

/** One group of the navigation (insights, administration); nothing when the person may see none of its pages. */
export function NavList({ label, pages, current, t }: { label: string; pages: ConsolePage[]; current: ConsolePage; t: Translate }) {
  if (pages.length === 0) return null;
  return (
    <nav aria-label={label}>
      <h2 class="nav-title">{label}</h2>
      <ul>
        {pages.map((p) => (
          <li key={p.id}>
            <a href={`#/${p.id}`} aria-current={p.id === current.id ? 'page' : undefined}>
              {t(p.title)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
