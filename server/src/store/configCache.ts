import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Entries kept at most, oldest dropped first (per-organisation plans grow with customers). */
const MAX_ENTRIES = 10_000;

/**
 * What every create and every request re-read — tokens, templates, routing rules, service-level
 * policies, staff mail settings — kept in memory, and valid exactly as long as the store's
 * config generation stands still (migration 0021: triggers move it on any change of those
 * tables, by this server, another instance, or a command-line tool).
 *
 * `refresh()` reads the generation (one tiny query) and drops everything when it moved; callers
 * refresh before they rely on the cache, so a change committed before a request began — a
 * revoked token, a deactivated account, a new template — is seen by that request. Values are
 * tagged with the generation read before they were loaded: a value loaded while a change
 * committed may be newer than its tag, never older, so it is at worst loaded again.
 */
export class ConfigCache {
  private generation: string | null = null;
  private readonly values = new Map<string, Promise<unknown>>();
  private readonly trusted = new WeakSet<object>();
  /** How often the cache was dropped and loaded from (tests and benchmarks read it). */
  readonly stats = { refreshes: 0, drops: 0, loads: 0 };

  constructor(private readonly db: Kysely<Database>) {}

  async refresh(): Promise<void> {
    this.stats.refreshes++;
    const { rows } = await sql<{ n: number | string }>`select n from config_generation where id = 1`.execute(this.db);
    const n = String(rows[0]?.n ?? '');
    if (n !== this.generation) {
      this.generation = n;
      this.drop();
    }
  }

  /** Forgets everything (a local change: the next refresh would see it anyway). */
  drop(): void {
    this.stats.drops++;
    this.values.clear();
  }

  forget(key: string): void {
    this.values.delete(key);
  }

  /**
   * Marks a transaction that changes no configuration (a batch of creates): lookups in it may
   * use the cache. Any other transaction reads the tables, since it may have just changed them.
   */
  trust(trx: object): void {
    this.trusted.add(trx);
  }

  trusts(trx: object): boolean {
    return this.trusted.has(trx);
  }

  /** The value under `key`, loaded once per generation; a failed load is not kept. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.values.get(key) as Promise<T> | undefined;
    if (!value) {
      if (this.values.size >= MAX_ENTRIES) this.values.delete(this.values.keys().next().value!);
      this.stats.loads++;
      const loaded = load();
      value = loaded;
      this.values.set(key, loaded);
      loaded.catch(() => {
        if (this.values.get(key) === loaded) this.values.delete(key);
      });
    }
    return value;
  }
}
