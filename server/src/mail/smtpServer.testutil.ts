import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server (the `smtp-server` package) that keeps what it receives; it can refuse the next mails. */
export async function startSmtpServer() {
  const received: ParsedMail[] = [];
  /** Answers for the next deliveries, e.g. [451, 451] (temporary) or [550] (permanent). */
  const refuse: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const code = refuse.shift();
        if (code !== undefined) return callback(Object.assign(new Error(`refused for the test (${code})`), { responseCode: code }));
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push(mail);
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    /** Mails to `to` received so far. */
    to: (to: string) => received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === to)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls until `test` holds (no fixed sleeps); throws with `what` after `ms`. */
export async function waitUntil(test: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

/** The first link in a mail's text that ends with `suffix` (before its query). */
export function linkIn(mail: ParsedMail, suffix = ''): string {
  const links = (mail.text ?? '').match(/https?:\/\/\S+/g) ?? [];
  const found = links.find((l) => new URL(l).pathname.endsWith(suffix));
  if (!found) throw new Error(`no link ending in "${suffix}" in: ${mail.text}`);
  return found;
}
