import { TRPCClientError } from '@trpc/client';

/** What the server refused and why: its message, and the messages of the fields it names (by path, "questions.2.text"). */
export interface Refusal {
  message: string;
  fields: Record<string, string>;
}

/** A 400 the server's own checks raise ("plan: unknown plan …") names its field before the colon. */
const NAMED_FIELD = /^([A-Za-z][\w.]*): (.+)$/s;

/**
 * The server's 400s carry zod issues with paths, or (from checks beyond zod) a message that
 * starts with the field's path; everything else has a message a person can act on.
 */
export function refusalOf(err: unknown): Refusal {
  const fields: Record<string, string> = {};
  if (err instanceof TRPCClientError) {
    const data = err.data as { code?: string; issues?: { path: string[]; message: string }[] } | undefined;
    for (const i of data?.issues ?? []) fields[i.path.join('.')] ??= i.message;
    const named = data?.code === 'BAD_REQUEST' && !data.issues?.length ? NAMED_FIELD.exec(err.message) : null;
    if (named) fields[named[1] as string] = named[2] as string;
  }
  return { message: err instanceof Error ? err.message : String(err), fields };
}
