import { AddAffectedCustomerInputSchema } from '@handoff/shared';
import { describe, expect, it } from 'vitest';
import type { TicketContext } from '../crm/ticketContext';
import { draftFromTicket, linkInput } from './formState';

const ctx: TicketContext = {
  crm: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/4711',
  ticketId: '4711',
  subject: 'SSO loops',
  customerName: 'Olga Petrova',
  emails: [],
  ticketNumbers: [],
  truncated: [],
  warnings: [],
};

describe('adding this customer to an existing incident', () => {
  it("cuts the note to the shared schema's limit, so the server accepts it", () => {
    const draft = { ...draftFromTicket(ctx), description: 'y'.repeat(6000) };
    const input = linkInput(draft, 'INC-3');
    expect(input.note).toHaveLength(5000);
    expect(AddAffectedCustomerInputSchema.safeParse(input).success).toBe(true);
  });
});
