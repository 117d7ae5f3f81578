import type { nodeClient } from './harness';

type Client = ReturnType<typeof nodeClient>;

const answerFor = (kind: string, options?: string[] | null) =>
  kind === 'choice' ? options![0]! : kind === 'number' ? '1' : kind === 'url' ? 'https://x.example' : kind === 'yesno' ? 'yes' : 'x';

/** The agent escalates an incident (as the panel would) from a CRM ticket with a link back to it. */
export async function escalate(agent: Client, title: string, crmUrl: string): Promise<string> {
  const tpl = (await agent.templates.list.query()).find((t) => t.category === 'crash')!;
  const created = await agent.incidents.create.mutate({
    idempotencyKey: crypto.randomUUID(),
    title,
    category: 'crash',
    answers: Object.fromEntries(tpl.questions.filter((q) => q.required).map((q) => [q.id, answerFor(q.kind, q.options)])),
    product: 'Shop',
    customer: { name: 'Abel Tuter' },
    crm: { system: 'servicenow', ticketId: 'INC0010042', url: crmUrl },
    severity: 'medium',
  });
  return created.reference;
}

/** The developer takes the incident and marks it fixed in `version`. */
export async function fixIt(dev: Client, ref: string, version: string): Promise<void> {
  await dev.incidents.assign.mutate({ ref, owner: 'me' });
  await dev.incidents.transition.mutate({ ref, to: 'in_progress' });
  await dev.incidents.transition.mutate({ ref, to: 'fixed', version });
}
