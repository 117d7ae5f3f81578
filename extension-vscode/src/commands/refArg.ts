import { normalizeRef } from '@handoff/shared';

/**
 * The reference a command was invoked for: a string (from a link, the panel or another command)
 * or a tree node carrying its list item (from a view's context menu). Null when there is none.
 */
export function refFromArg(arg: unknown, prefix: string): string | null {
  if (typeof arg === 'string') return normalizeRef(arg, prefix);
  if (arg && typeof arg === 'object' && 'item' in arg) {
    const ref = (arg as { item?: { reference?: unknown } }).item?.reference;
    if (typeof ref === 'string') return normalizeRef(ref, prefix);
  }
  return null;
}
