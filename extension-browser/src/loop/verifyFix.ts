/** What the agent can record after talking to the customer about a fix. */
export type VerifyChoice = 'confirmed' | 'still_fails' | 'unreachable';

export type TransitionInput = { ref: string; to: 'verified' | 'closed' | 'in_progress'; reason?: string; unverifiedReason?: string };

/**
 * The server transitions for a choice, in order, or the i18n key of what is missing. A confirmed fix is
 * first verified, then closed; "still fails" reopens with what still fails; an unreachable customer closes
 * with the reason why it could not be verified.
 */
export function verifySteps(
  ref: string,
  choice: VerifyChoice,
  text: string,
  status: 'fixed' | 'verified',
): TransitionInput[] | { missing: string } {
  const t = text.trim();
  if (choice === 'confirmed')
    return status === 'verified'
      ? [{ ref, to: 'closed' }]
      : [
          { ref, to: 'verified' },
          { ref, to: 'closed' },
        ];
  if (!t) return { missing: choice === 'still_fails' ? 'verifyNeedStillFails' : 'verifyNeedUnreachable' };
  if (choice === 'still_fails') return [{ ref, to: 'in_progress', reason: t }];
  return [{ ref, to: 'closed', unverifiedReason: t }];
}
