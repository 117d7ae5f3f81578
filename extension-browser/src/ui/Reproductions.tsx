import type { Incident } from '@handoff/shared';
import { reproductions, sentBack } from '../loop/incidentLoop';
import { useT } from './i18nContext';
import { when } from './when';

/** The agent's "I reproduced it" and every reproduction attempt; a "could not reproduce" that came back says what is needed. */
export function Reproductions(props: { incident: Incident }) {
  const t = useT();
  const list = reproductions(props.incident.timeline);
  const back = sentBack(props.incident);
  return (
    <div class="reproductions">
      {props.incident.reproducedByAgent && <p class="agent-reproduced">✔ {t('agentReproduced')}</p>}
      {back && (
        <div class="needed" role="alert">
          <strong>{t('couldNotReproduceNeeded', back.actor.name)}</strong>
          <p class="needed-notes">{back.notes}</p>
        </div>
      )}
      {list.length > 0 && (
        <ul>
          {list.map((r) => (
            <li
              key={r.at + r.actor.id}
              class={`reproduction ${r.reproduced ? 'reproduced' : 'not-reproduced'}`}
              data-result={r.reproduced ? 'reproduced' : 'not_reproduced'}
            >
              <strong>{r.reproduced ? t('reproReproduced') : t('reproNotReproduced')}</strong>
              <span class="meta">
                {' '}
                · {r.actor.name} · {when(r.at)}
              </span>
              {r.environment && <div class="meta env">{t('reproEnvironment', r.environment)}</div>}
              {r.notes && <div class="notes">{r.notes}</div>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
