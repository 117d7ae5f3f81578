import {
  AddAffectedCustomerInputSchema,
  AffectedCustomerResultSchema,
  CreateResultSchema,
  IncidentCreateInputSchema,
} from '@handoff/shared';
import type { Api } from '../api/client';
import { errorText, isPermanent } from '../api/errors';
import type { QueueItem, Sender, SendOutcome } from './queue';

/** Sends one item: what was stored is checked against the shared input schema first, the answer against its output schema. */
async function send(api: Api, item: QueueItem): Promise<SendOutcome> {
  if (item.kind === 'create') {
    const input = IncidentCreateInputSchema.safeParse(item.payload);
    if (!input.success) return { ok: false, permanent: true, error: input.error.issues[0]?.message ?? input.error.message };
    const created = CreateResultSchema.parse(await api.incidents.create.mutate(input.data));
    return { ok: true, reference: created.reference };
  }
  const input = AddAffectedCustomerInputSchema.safeParse(item.payload);
  if (!input.success) return { ok: false, permanent: true, error: input.error.issues[0]?.message ?? input.error.message };
  // A customer added to a duplicate counts on its original: the reference is the one that counts them.
  const added = AffectedCustomerResultSchema.parse(await api.incidents.addAffectedCustomer.mutate(input.data));
  return { ok: true, reference: added.reference, affectedCustomers: added.affectedCustomers };
}

/** Sends one queued item to the server; the idempotency key inside the payload makes a repeat harmless. */
export function senderFor(api: Api): Sender {
  return async (item) => {
    try {
      return await send(api, item);
    } catch (e) {
      return { ok: false, permanent: isPermanent(e), error: errorText(e) };
    }
  };
}
