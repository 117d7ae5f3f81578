import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Mail from 'nodemailer/lib/mailer/index.js';

/** Delivers one composed mail; throws a MailError when it could not. */
export interface MailSender {
  /** `smtp`: really sent; `folder`: written as an .eml file (e-mail updates are off). */
  readonly via: 'smtp' | 'folder';
  send(mail: Mail.Options, fileName: string): Promise<void>;
  close(): void;
}

/** A delivery that failed; `permanent` for a 5xx answer of the SMTP server (retrying will not help). */
export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
  static is(e: unknown): e is MailError {
    return e instanceof MailError;
  }
}

const TIMEOUT_MS = 30_000;

type Nodemailer = typeof import('nodemailer')['default'];

/**
 * nodemailer is loaded with the first mail, not at start-up (~80 ms of module loading a server
 * that sends no mail for a while need not wait for).
 */
function lazyTransport(create: (nodemailer: Nodemailer) => Mail) {
  let transport: Promise<Mail> | null = null;
  return {
    get: () => {
      transport ??= import('nodemailer').then((m) => create(m.default));
      return transport;
    },
    close: () => void transport?.then((t) => t.close()).catch(() => undefined),
  };
}

/** Real SMTP through nodemailer (the well-kept library for it: pooling, TLS, auth, RFC-correct MIME). */
export function smtpSender(url: string): MailSender {
  const transport = lazyTransport((nodemailer) =>
    nodemailer.createTransport(url, {
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    } as never),
  );
  return {
    via: 'smtp',
    async send(mail) {
      try {
        await (await transport.get()).sendMail(mail);
      } catch (err) {
        const e = err as { responseCode?: number; message?: string };
        const code = typeof e.responseCode === 'number' ? e.responseCode : null;
        throw new MailError(`${code ?? ''} ${e.message ?? String(err)}`.trim(), code !== null && code >= 500 && code < 600);
      }
    },
    close: transport.close,
  };
}

/**
 * Without SMTP, mails are written to `<dir>` as .eml files (the same bytes SMTP would carry;
 * an administrator can read or send them) — never dropped silently.
 */
export function folderSender(dir: string): MailSender {
  const transport = lazyTransport((nodemailer) => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }));
  return {
    via: 'folder',
    async send(mail, fileName) {
      const info = await (await transport.get()).sendMail(mail);
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, fileName);
      writeFileSync(`${file}.tmp`, info.message as Buffer);
      renameSync(`${file}.tmp`, file);
    },
    close: transport.close,
  };
}
