import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store, UNCLEAN_ID_GAP } from './store.js';

/** Appends a bare timeline entry (the store's own id sequence hands out its id). */
const appendEntry = (store: Store) =>
  store.write(async (trx) => {
    const row = await trx
      .insertInto('timeline')
      .values({
        incident_id: 1,
        at: new Date().toISOString(),
        actor_id: 1,
        kind: 'comment',
        text: 'x',
        data: '{}',
        status: 'new',
        team: null,
        owner_id: null,
        reporter_id: 1,
        title: 't',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  });

/**
 * A relaxed commit (the scheduler's, on SQLite) lost in an OS crash had taken timeline ids that
 * clients may have seen as live events. After a start that finds the write-ahead log left behind,
 * the store hands out ids past any such loss; after a clean close, it goes on from the last one.
 */
describe('timeline ids after an unclean stop on SQLite', () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'handoff-unclean-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('skips the ids a lost relaxed commit could have used, and only after an unclean stop', async () => {
    const dir = newDir();
    const running = await Store.open({ dataDir: dir });
    const last = await appendEntry(running);
    // What a crash leaves: the data file with its write-ahead log, copied while the store is open.
    const crashed = newDir();
    for (const f of ['handoff.sqlite', 'handoff.sqlite-wal']) copyFileSync(path.join(dir, f), path.join(crashed, f));
    await running.close();

    const afterCrash = await Store.open({ dataDir: crashed });
    try {
      expect(await appendEntry(afterCrash)).toBe(last + UNCLEAN_ID_GAP + 1);
    } finally {
      await afterCrash.close();
    }
    const afterClose = await Store.open({ dataDir: dir });
    try {
      expect(await appendEntry(afterClose)).toBe(last + 1);
    } finally {
      await afterClose.close();
    }
  });
});
