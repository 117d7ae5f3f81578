import { describe, expect, it } from 'vitest';
import type { Template } from '@handoff/shared';
import { buildCreateInput, draftFromTicket, moveStep, newStep } from './formState';
import { finishTicket } from '../crm/ticketContext';

const ctx = finishTicket('zendesk', 'https://acme.zendesk.com/agent/tickets/4711', {
  ticketId: '4711',
  subject: 'Checkout fails',
  customerName: 'Maria Lopez',
  customerEmail: 'maria@acme.example',
  latestMessage: 'It broke',
});
const template: Template = {
  category: 'billing',
  label: 'Billing',
  version: 1,
  questions: [
    { id: 'invoice-id', text: 'Which invoice?', why: 'So we can open it', required: true, kind: 'text' },
    { id: 'plan', text: 'Which plan?', why: 'Plans bill differently', required: false, kind: 'text' },
  ],
};

describe('capture form state', () => {
  it('pre-fills from the CRM ticket', () => {
    const d = draftFromTicket(ctx);
    expect(d).toMatchObject({
      title: 'Checkout fails',
      description: 'It broke',
      customer: { name: 'Maria Lopez', email: 'maria@acme.example' },
      crm: { system: 'zendesk', ticketId: '4711' },
    });
  });

  it('names every missing field, including required category questions', () => {
    const r = buildCreateInput({ ...draftFromTicket(ctx), title: 'x' }, undefined);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors)).toEqual(expect.arrayContaining(['category', 'title', 'product']));
    const r2 = buildCreateInput({ ...draftFromTicket(ctx), category: 'billing', product: 'Shop' }, template);
    expect(r2.ok ? {} : r2.errors).toEqual({ 'answers.invoice-id': 'Required: Which invoice?' });
  });

  it('builds valid create input, dropping blank steps and empty optional fields', () => {
    const d = draftFromTicket(ctx);
    const steps = [{ ...newStep(), action: 'Open checkout', actual: 'Error 402' }, newStep()];
    const r = buildCreateInput(
      { ...d, category: 'billing', product: 'Shop', answers: { 'invoice-id': 'R-1', plan: ' ' }, steps },
      template,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.steps).toEqual([{ action: 'Open checkout', expected: undefined, actual: 'Error 402' }]);
    expect(r.input.answers).toEqual({ 'invoice-id': 'R-1' });
    expect(r.input.idempotencyKey).toBe(d.idempotencyKey);
  });

  it('asks and requires a conditional question only when its condition holds, and sends only what was asked', () => {
    const withCondition: Template = {
      ...template,
      questions: [
        ...template.questions,
        { id: 'card', text: 'Paid by card?', why: 'Card payments go through another provider', required: true, kind: 'yesno' },
        {
          id: 'card-brand',
          text: 'Which card?',
          why: 'One brand fails',
          required: true,
          kind: 'text',
          showIf: { question: 'card', equals: 'yes' },
        },
      ],
    };
    const d = { ...draftFromTicket(ctx), category: 'billing', product: 'Shop' };
    const no = buildCreateInput({ ...d, answers: { 'invoice-id': 'R-1', card: 'no', 'card-brand': 'Visa' } }, withCondition);
    expect(no.ok && no.input.answers).toEqual({ 'invoice-id': 'R-1', card: 'no' });
    const yes = buildCreateInput({ ...d, answers: { 'invoice-id': 'R-1', card: 'yes' } }, withCondition);
    expect(yes.ok ? {} : yes.errors).toEqual({ 'answers.card-brand': 'Required: Which card?' });
  });

  it('reorders steps and ignores moves past either end', () => {
    const [a, b, c] = [newStep(), newStep(), newStep()];
    expect(moveStep([a!, b!, c!], 2, -1).map((s) => s.id)).toEqual([a!.id, c!.id, b!.id]);
    expect(moveStep([a!, b!], 0, -1)).toEqual([a, b]);
  });
});

describe('re-reading the page into a draft', () => {
  it('fills empty fields and never changes what the agent typed', async () => {
    const { applyTicket } = await import('./formState');
    const d = { ...draftFromTicket(ctx), title: 'typed by agent', customer: { name: '', email: '', org: '' } };
    const again = finishTicket('other', 'https://x/', { subject: 'from page', customerName: 'Olga', customerOrg: 'Petrova' });
    expect(applyTicket(d, again, ctx)).toMatchObject({ title: 'typed by agent', customer: { name: 'Olga', org: 'Petrova' } });
  });
  it('a field just taught replaces what the previous read put there, but not what the agent typed over it', async () => {
    const { applyTicket } = await import('./formState');
    const page1 = finishTicket('other', 'https://x/t/1', { ticketId: '322302', subject: 'Loading ...', latestMessage: 'old' });
    const page2 = finishTicket('other', 'https://x/t/1', { ticketId: '322302', subject: 'Printer on fire', latestMessage: 'new' });
    const d = { ...draftFromTicket(page1), description: 'agent wrote this' };
    const next = applyTicket(d, page2, page1);
    expect(next.title).toBe('Printer on fire');
    expect(next.description).toBe('agent wrote this');
    expect(next.idempotencyKey).toBe(d.idempotencyKey);
  });
  it('a restored draft (no previous read known) only gets its empty fields filled', async () => {
    const { applyTicket } = await import('./formState');
    const d = { ...draftFromTicket(ctx), title: 'Checkout fails' };
    expect(applyTicket(d, finishTicket('zendesk', ctx.url, { subject: 'Renamed on the page' }), null).title).toBe('Checkout fails');
  });
});

describe("the description is the customer's own words", () => {
  it('holds the first message and the latest one, each once', async () => {
    const { descriptionOf } = await import('./formState');
    expect(descriptionOf({ firstMessage: 'It broke.\n1. Open', latestMessage: 'Still broken' })).toBe('It broke.\n1. Open\n\nStill broken');
    expect(descriptionOf({ latestMessage: 'Only one' })).toBe('Only one');
    expect(descriptionOf({ firstMessage: 'Same', latestMessage: 'Same' })).toBe('Same');
  });
});

describe('validation messages', () => {
  it('an error goes when its field is changed, others stay until theirs are', async () => {
    const { errorsAfterEdit } = await import('./formState');
    const before = draftFromTicket(ctx);
    const errors = { category: 'Choose a category', product: 'Product is required', 'customer.email': 'Invalid email' };
    const picked = { ...before, category: 'billing' };
    expect(errorsAfterEdit(errors, before, picked)).toEqual({ product: 'Product is required', 'customer.email': 'Invalid email' });
    const typed = { ...picked, product: 'Shop', customer: { ...picked.customer, email: 'm.lopez@acme.example' } };
    expect(errorsAfterEdit(errors, picked, typed)).toEqual({ category: 'Choose a category' });
    expect(errorsAfterEdit(errors, before, { ...before })).toBe(errors);
  });
});
