import { IncidentCreateInputSchema } from '@handoff/shared';
import type { z } from 'zod';

type Node = z.ZodType & { maxLength?: number | null; shape?: Record<string, z.ZodType> };

/** Wrappers that only add a default, optionality or null: the limit is on what they wrap. */
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch']);

function unwrap(schema: z.ZodType): Node {
  let s = schema as Node;
  while (WRAPPERS.has(s.def.type)) s = (s.def as unknown as { innerType: Node }).innerType;
  return s;
}

/**
 * The most characters the shared schema lets `schema` hold, or undefined when it sets none.
 * Forms take their limits from here so they never drift from what the server accepts.
 */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  return unwrap(schema).maxLength ?? undefined;
}

/** The schema at `path` ("customer.name", "steps.0.action", "answers.sso") inside `root`, if there is one. */
export function schemaAt(root: z.ZodType, path: string): z.ZodType | undefined {
  let s: Node | undefined = unwrap(root);
  for (const part of path.split('.')) {
    if (!s) return undefined;
    const def = s.def as unknown as { type: string; element?: Node; valueType?: Node };
    if (def.type === 'object') s = s.shape?.[part] as Node | undefined;
    else if (def.type === 'array') s = /^\d+$/.test(part) ? def.element : undefined;
    else if (def.type === 'record') s = def.valueType;
    else return undefined;
    s = s && unwrap(s);
  }
  return s;
}

/** The limit of a capture form field, named as the form names it (its path in `incidents.create`'s input). */
export function captureMaxLength(name: string): number | undefined {
  const s = schemaAt(IncidentCreateInputSchema, name);
  return s && maxLengthOf(s);
}
