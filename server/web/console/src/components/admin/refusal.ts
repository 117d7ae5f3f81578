import { TRPCClientError } from '@trpc/client';

/** What the server refused and why: its message, and the messages of the fields it names (by path, "questions.2.text"). */
export interface Refusal {
  message: string;
  fields: Record<string, string>;
}

/** The server's 400s carry zod issues with paths; everything else has a message a person can act on. */
export function refusalOf(err: unknown): Refusal {
  const fields: Record<string, string> = {};
  if (err instanceof TRPCClientError) {
    const issues = (err.data as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? [];
    for (const i of issues) fields[i.path.join('.')] ??= i.message;
  }
  return { message: err instanceof Error ? err.message : String(err), fields };
}
