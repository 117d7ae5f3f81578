import { describe, expect, it } from 'vitest';
import { captureMaxLength } from '../api/limits';
import { FIELD_LIMITS } from './ticketContext';

// Content scripts stay free of zod, so what a page gives is cut by plain numbers; this keeps them the shared schemas' limits.
const FORM_FIELD: Record<string, string> = {
  ticketId: 'crm.ticketId',
  subject: 'title',
  customerName: 'customer.name',
  customerEmail: 'customer.email',
  customerOrg: 'customer.org',
};

describe('what a CRM page gives is cut to what the server accepts', () => {
  it.each(Object.entries(FORM_FIELD))('%s is cut at the limit of %s', (field, formField) => {
    expect(FIELD_LIMITS[field as keyof typeof FIELD_LIMITS]).toBe(captureMaxLength(formField));
  });
  it('text that goes into the description fits it', () => {
    for (const field of ['latestMessage', 'selection'] as const)
      expect(FIELD_LIMITS[field]).toBeLessThanOrEqual(captureMaxLength('description')!);
  });
});
