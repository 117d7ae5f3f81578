import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { log } from '../log.js';
import type { MailOutboxRow } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { uniqueIds } from '../store/customerData/sql.js';

/** The file a mail is written to without SMTP (`00000042-update.eml`): its outbox id and kind. */
export const outboxFileName = (row: Pick<MailOutboxRow, 'id' | 'kind'>) => `${String(row.id).padStart(8, '0')}-${row.kind}.eml`;

/** Matches the files folderSender writes, and the temporary file of a write cut short. */
const FILE = /^(\d+)-(?:confirm|update|staff)\.eml(?:\.tmp)?$/;
const CHUNK = 500;

/**
 * The .eml copies of mails in this instance's outbox folder (written when no SMTP server is
 * configured). An erasure marks, in its own transaction, every mail already written about the
 * incidents it touched (`mail_outbox.erased_at`) and deletes the customer's mails not sent yet;
 * the copies of those mails are then removed from the folder here — after the commit, because
 * files are not part of a transaction.
 *
 * What the folder holds is decided by the database alone, so every sweep finishes whatever an
 * earlier one did not (a crash between the commit and the removal, a failed unlink): a file goes
 * when its mail is marked, or when its row is gone (a mail being written while an erasure deleted
 * it). Each instance has its own data directory, so each sweeps its own folder: the instance that
 * erased at once, every other one when its mail scheduler sees a newer erasure
 * (`sweepIfErased`, a look at `max(customer_erasures.id)` per tick), and every instance once when
 * it starts.
 */
export class OutboxFiles {
  /** The newest erasure this instance has swept for; null until its first sweep. */
  private sweptFor: number | null = null;

  constructor(
    private readonly store: Store,
    readonly dir: string,
  ) {}

  /** Sweeps when an erasure was recorded (by any instance) since the last sweep here, or on the first call. */
  async sweepIfErased(): Promise<string[]> {
    const row = await this.store.db
      .selectFrom('customer_erasures')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    const newest = Number(row?.id ?? 0);
    if (this.sweptFor === newest) return [];
    const removed = await this.sweep();
    this.sweptFor = newest;
    return removed;
  }

  /** Removes the copies of erased mails from the folder; returns the files removed. */
  async sweep(): Promise<string[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => FILE.test(n));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const idOf = (name: string) => Number(FILE.exec(name)![1]);
    const ids = uniqueIds(names.map(idOf));
    const keep = new Set<number>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.store.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .where('erased_at', 'is', null)
        .execute();
      for (const r of rows) keep.add(r.id);
    }
    const removed: string[] = [];
    for (const name of names.filter((n) => !keep.has(idOf(n)))) {
      if (await this.removeFile(name)) removed.push(name);
    }
    if (removed.length > 0) log.info({ files: removed.length, dir: this.dir }, 'outbox copies of erased mails removed');
    return removed;
  }

  /** Removes one mail's copy (a mail an erasure reached while it was being written). */
  async remove(row: Pick<MailOutboxRow, 'id' | 'kind'>): Promise<void> {
    await this.removeFile(outboxFileName(row));
  }

  private async removeFile(name: string): Promise<boolean> {
    try {
      await rm(path.join(this.dir, name), { force: true });
      return true;
    } catch (err) {
      log.error(
        { err, file: name, dir: this.dir },
        'could not remove the outbox copy of an erased mail; it still holds personal data: remove it by hand, or restart the server to retry',
      );
      return false;
    }
  }
}
