import { parseRef } from '@handoff/shared';
import { badRequest } from '../store/errors.js';
import type { IncidentStore } from '../store/incidents.js';

/** The incident id behind a reference as typed; BAD_REQUEST names the reference when malformed. */
export function refToId(incidents: IncidentStore, ref: string): number {
  const id = parseRef(ref, incidents.prefix);
  if (id === null) {
    throw badRequest(`ref: "${ref}" is not an incident reference; use ${incidents.prefix}-1042, #1042 or 1042.`);
  }
  return id;
}
