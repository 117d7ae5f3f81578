import { type IncidentSummary, timeLeft, urgencyOf } from '@handoff/shared';
import { useT } from './i18nContext';
import { when } from './when';

/** "2 h 5 min" in the panel's language. */
function span(t: ReturnType<typeof useT>, dueAt: string, now: number): { text: string; overdue: boolean } {
  const l = timeLeft(dueAt, now);
  const text = l.days > 0 ? t('spanDays', l.days, l.hours) : l.hours > 0 ? t('spanHours', l.hours, l.minutes) : t('spanMinutes', l.minutes);
  return { text, overdue: l.overdue };
}

/**
 * The promise on one of the agent's incidents: the next target with the time left (yellow past the
 * warning share, red once breached) and, for a customer-facing policy, what the customer was promised.
 */
export function SlaLine(props: { item: IncidentSummary; now: number }) {
  const t = useT();
  const urgency = urgencyOf(props.item.sla, props.now);
  const sla = props.item.sla;
  if (!sla || !urgency) return null;
  const { target, level } = urgency;
  const left = span(t, target.dueAt!, props.now);
  const firstResponse = sla.targets.find((x) => x.kind === 'first_response');
  return (
    <div class={`sla sla-${level}`} data-level={level} data-target={target.kind}>
      <span class="sla-left">
        {t(`slaTarget_${target.kind}`)}: {left.overdue ? t('slaOverdue', left.text) : t('slaLeft', left.text)}
      </span>
      {sla.policy.customerFacing && firstResponse?.dueAt && <span class="promise"> · {t('slaPromise', when(firstResponse.dueAt))}</span>}
    </div>
  );
}
