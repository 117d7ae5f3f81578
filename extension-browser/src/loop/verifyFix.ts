import { checkTransitionFor, factsOf, type Incident, type Me, type Status } from '@handoff/shared';

/** What the agent can record after talking to the customer about a fix. */
export type VerifyChoice = 'confirmed' | 'still_fails' | 'unreachable';

export type TransitionInput = {
  ref: string;
  to: 'verified' | 'closed' | 'in_progress';
  reason?: string;
  unverifiedReason?: string;
  customerConfirmed?: boolean;
};

/**
 * The server transitions for a choice, in order, or the i18n key of what is missing. A confirmed fix is
 * closed as confirmed by the customer (the server verifies it, then closes it, in one request); "still
 * fails" reopens with what still fails; an unreachable customer closes with the reason why it could not
 * be verified.
 */
export function verifySteps(
  ref: string,
  choice: VerifyChoice,
  text: string,
  status: 'fixed' | 'verified',
): TransitionInput[] | { missing: string } {
  const t = text.trim();
  if (choice === 'confirmed') return [status === 'verified' ? { ref, to: 'closed' } : { ref, to: 'closed', customerConfirmed: true }];
  if (!t) return { missing: choice === 'still_fails' ? 'verifyNeedStillFails' : 'verifyNeedUnreachable' };
  if (choice === 'still_fails') return [{ ref, to: 'in_progress', reason: t }];
  return [{ ref, to: 'closed', unverifiedReason: t }];
}

const CHOICES: VerifyChoice[] = ['confirmed', 'still_fails', 'unreachable'];

/**
 * Which choices the server will take from this person on this incident (shared permission model), each
 * step checked on the status the one before leaves. Until the server has said who is signed in, all are
 * offered: the server still decides.
 */
export function verifyOffers(
  me: Me | undefined,
  incident: Pick<Incident, 'reference' | 'team' | 'reporter' | 'owner' | 'participants'> & { status: 'fixed' | 'verified' },
): Record<VerifyChoice, boolean> {
  const offers = (choice: VerifyChoice): boolean => {
    if (me === undefined) return true;
    const steps = verifySteps(incident.reference, choice, 'a reason', incident.status);
    if ('missing' in steps) return false;
    let status: Status = incident.status;
    for (const step of steps) {
      if (!checkTransitionFor(me, { ...factsOf(incident), status }, step, me).ok) return false;
      status = step.to;
    }
    return true;
  };
  return Object.fromEntries(CHOICES.map((c) => [c, offers(c)])) as Record<VerifyChoice, boolean>;
}
