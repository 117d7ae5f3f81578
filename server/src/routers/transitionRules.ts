import { type Status, type User, checkTransition } from '@handoff/shared';

export interface TransitionRequest {
  to: Status;
  reason?: string | undefined;
  version?: string | undefined;
  unverifiedReason?: string | undefined;
}

const ENGINEERS = new Set(['developer', 'lead', 'admin']);

export type RuleResult = { ok: true } | { ok: false; status: 'forbidden' | 'bad_request'; message: string };

/**
 * Who may make which move, on top of the status machine: developers move work along and mark it
 * fixed; verifying a fix (and closing it) is for the agent who reported it — they talk to the
 * customer — or a lead; reopening needs a reason; so do "could not reproduce" and "won't fix".
 */
export function checkTransitionRules(user: User, incident: { status: Status; reporterId: number }, req: TransitionRequest): RuleResult {
  const from = incident.status;
  const machine = checkTransition(from, req.to, { unverifiedReason: req.unverifiedReason });
  if (!machine.ok) return { ok: false, status: 'bad_request', message: machine.reason };

  const isReporter = user.role === 'agent' && incident.reporterId === user.id;
  const reopening = req.to === 'in_progress' && ['fixed', 'verified', 'closed'].includes(from);
  const customerFacing = req.to === 'verified' || (req.to === 'closed' && (from === 'fixed' || from === 'verified'));

  let allowed: boolean;
  let who: string;
  if (customerFacing) {
    allowed = isReporter || user.role === 'lead';
    who = 'the agent who reported it or a lead (they confirm with the customer)';
  } else if (reopening) {
    allowed = isReporter || ENGINEERS.has(user.role);
    who = 'the reporting agent, a developer or a lead';
  } else if (req.to === 'closed') {
    allowed = isReporter || ENGINEERS.has(user.role);
    who = 'the reporting agent, a developer or a lead';
  } else {
    allowed = ENGINEERS.has(user.role);
    who = 'developers and leads';
  }
  if (!allowed) return { ok: false, status: 'forbidden', message: `Moving an incident to ${req.to} is for ${who}.` };

  if (req.to === 'fixed' && !req.version?.trim()) {
    return { ok: false, status: 'bad_request', message: 'version: say which version contains the fix (e.g. "4.2.1").' };
  }
  const needsReason: Partial<Record<Status, string>> = {
    not_reproducible: 'what was tried and what L1 should find out',
    wont_fix: 'why it will not be fixed',
  };
  const why = reopening ? 'what still fails' : needsReason[req.to];
  if (why && !req.reason?.trim()) return { ok: false, status: 'bad_request', message: `reason: say ${why}.` };
  return { ok: true };
}
