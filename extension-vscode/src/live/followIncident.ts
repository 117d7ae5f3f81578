import type * as vscode from 'vscode';
import { IncidentEventSchema, type IncidentEvent } from '@handoff/shared';
import type { Session } from '../auth/session';

/**
 * Follows one incident by reference (`events.onChange({ ref })`): the only way live changes to
 * another team's incident arrive — the main stream carries the incidents one sees in full, and
 * for others' the server sends summary events (what changed, not what was written). `onChange`
 * also runs once the stream is up, for what changed between reading the incident and subscribing.
 */
export function followIncident(
  session: Session,
  ref: string,
  log: vscode.LogOutputChannel,
  onChange: (event: IncidentEvent | null) => void,
): vscode.Disposable {
  const sub = session.client.events.onChange.subscribe(
    { ref },
    {
      onStarted: () => onChange(null),
      onData: (tracked: { id: string; data: unknown }) => {
        const parsed = IncidentEventSchema.safeParse(tracked.data);
        if (parsed.success) onChange(parsed.data);
        else log.warn(`Ignored an invalid live event ${tracked.id} of ${ref}: ${parsed.error.message}`);
      },
      onError: (err: unknown) => log.error(`Following ${ref} stopped: ${String(err)}`),
    },
  );
  return { dispose: () => sub.unsubscribe() };
}
