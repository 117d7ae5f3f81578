import type { Api } from '../api/client';
import { errorText, isPermanent } from '../api/errors';
import type { Sender } from './queue';

/** Sends one queued item to the server; the idempotency key inside the payload makes a repeat harmless. */
export function senderFor(api: Api): Sender {
  return async (item) => {
    try {
      const incident =
        item.kind === 'create'
          ? await api.incidents.create.mutate(item.payload as never)
          : await api.incidents.addAffectedCustomer.mutate(item.payload as never);
      return { ok: true, reference: incident.reference };
    } catch (e) {
      return { ok: false, permanent: isPermanent(e), error: errorText(e) };
    }
  };
}
