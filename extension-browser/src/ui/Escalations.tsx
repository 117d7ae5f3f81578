import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { byUrgency, type IncidentListItem, type IncidentSummary, type IncidentView, StatusSchema } from '@handoff/shared';
import type { Api } from '../api/client';
import { incidentByRef, myEscalations } from '../api/incidents';
import { EventPrefetch } from '../loop/eventPrefetch';
import { customerNotice, notifyCloseOnce, notifyCustomerComment } from './customerComments';
import { EscalationDetail } from './EscalationDetail';
import { SlaLine } from './SlaLine';
import { useT } from './i18nContext';
import { useLiveQuery } from './useLiveQuery';
import { useMe } from './useMe';

/** Statuses where the agent has something to do: their detail opens by itself. */
const ACTION_NEEDED = new Set<IncidentSummary['status']>(['needs_info', 'not_reproducible', 'fixed', 'verified']);

/** Most urgent promise first; incidents without one (or another team's outline) after them, newest first. */
const urgentFirst = (a: IncidentListItem, b: IncidentListItem) =>
  byUrgency(a.access === 'full' ? a : { ...a, sla: null }, b.access === 'full' ? b : { ...b, sla: null });

/** The agent's incidents, kept live over SSE while the panel is open (the background polls otherwise). */
export function Escalations(props: { api: Api }) {
  const t = useT();
  const me = useMe();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  // Read at the live event, beside the list's reload, for the detail that will show it (see EventPrefetch).
  const prefetch = useMemo(() => new EventPrefetch<IncidentView>((ref) => incidentByRef(props.api, ref)), [props.api]);
  const openRef = useRef(open);
  openRef.current = open;
  // Time left changes by itself: redraw every half minute.
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  const {
    data: items,
    error,
    live,
    refresh,
  } = useLiveQuery(
    useCallback(() => myEscalations(props.api), [props.api]),
    useCallback(
      (h) =>
        props.api.events.onChange.subscribe(
          { mine: true },
          {
            ...h,
            onData: (e: { data: unknown }) => {
              h.onData();
              const ev = e.data as { reference?: unknown; status?: unknown } | null;
              const status = StatusSchema.safeParse(ev?.status);
              // Only for a detail that shows after the event: open, or opening by itself at the new status.
              if (
                typeof ev?.reference === 'string' &&
                status.success &&
                (openRef.current[ev.reference] ?? ACTION_NEEDED.has(status.data))
              ) {
                prefetch.start(ev.reference);
              }
              const notice = customerNotice(e.data, me?.id);
              if (notice?.kind === 'comment') void notifyCustomerComment(notice.event, t('newCustomerComment', notice.event.reference));
              if (notice?.kind === 'evaluation') {
                void notifyCustomerComment(notice.event, t('newCustomerEvaluation', notice.event.reference, notice.rating ?? ''));
              }
              if (notice?.kind === 'closed') {
                void notifyCloseOnce(
                  notice.event.id,
                  t('incidentClosedBy', notice.event.reference, notice.event.actor.name),
                  notice.event.text,
                );
              }
            },
          },
        ),
      [props.api, t, me?.id, prefetch],
    ),
  );
  return (
    <section class="escalations">
      <h2>
        {t('escalationsTitle')} {live && <span class="live">● {t('live')}</span>}
      </h2>
      {error && <p class="error">{error}</p>}
      {items?.length === 0 && <p class="empty">{t('escalationsEmpty')}</p>}
      <ul>
        {[...(items ?? [])].sort(urgentFirst).map((i) => {
          const expanded = open[i.reference] ?? ACTION_NEEDED.has(i.status);
          return (
            <li key={i.reference} data-ref={i.reference} data-status={i.status} class={`escalation status-${i.status}`}>
              <button
                type="button"
                class="toggle-detail"
                aria-expanded={expanded}
                onClick={() => setOpen({ ...open, [i.reference]: !expanded })}
              >
                <strong>{i.reference}</strong> {i.title}
              </button>
              <div class="meta">
                <span class="status">{t(`status_${i.status}`)}</span> ·{' '}
                <span class="owner" data-owner={i.owner?.id ?? ''}>
                  {t('ownerIs', i.owner ? i.owner.name : t('unassigned'))}
                </span>
                {i.fixedInVersion && <> · {t('fixedIn', i.fixedInVersion)}</>}
              </div>
              {i.access === 'full' && <SlaLine item={i} now={now} />}
              {expanded && (
                <EscalationDetail
                  api={props.api}
                  reference={i.reference}
                  stamp={i.updatedAt}
                  prefetch={prefetch}
                  onChanged={refresh}
                  // stays open after an answer (the status moves on), so the agent sees it was sent
                  onAnswered={() => setOpen((o) => ({ ...o, [i.reference]: true }))}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
