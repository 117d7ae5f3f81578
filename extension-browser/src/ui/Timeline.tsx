import type { TimelineEntry } from '@handoff/shared';
import { handOvers } from '../loop/incidentLoop';
import { useT } from './i18nContext';
import { when } from './when';

/** Who handed the incident to whom and when: assignments, status changes, questions, answers, reproductions. */
export function Timeline(props: { entries: TimelineEntry[] }) {
  const t = useT();
  const list = handOvers(props.entries);
  if (!list.length) return null;
  return (
    <details class="timeline">
      <summary>{t('timelineTitle', list.length)}</summary>
      <ol>
        {list.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <span class="meta">
              {when(e.at)} · {e.actor.name}
            </span>{' '}
            <span class="text">{e.text}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
