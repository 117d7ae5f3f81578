import type pg from 'pg';
import { PG_EVENTS_CHANNEL } from '../store/store.js';
import { log } from '../log.js';

/**
 * Keeps one LISTEN connection to PostgreSQL and calls `onNotify` whenever any instance commits
 * a change. Reconnects with back-off; after a reconnect it calls `onNotify` once, because
 * notifications sent while it was away are lost (the hub then reads from its own position).
 */
export class PgListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = 250;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onNotify: () => void,
  ) {}

  async start(): Promise<void> {
    const { default: pgModule } = await import('pg');
    const client = new pgModule.Client(this.config);
    client.on('notification', () => this.onNotify());
    client.on('error', (err) => {
      log.warn({ error: err.message }, 'LISTEN connection to PostgreSQL lost; reconnecting');
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${PG_EVENTS_CHANNEL}`);
    this.client = client;
    this.retryMs = 250;
  }

  private reconnect(old: pg.Client): void {
    if (this.stopped || this.client !== old) return;
    this.client = null;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
    setTimeout(() => {
      if (this.stopped) return;
      this.start()
        .then(() => this.onNotify())
        .catch(() => this.reconnect(old));
    }, delay).unref();
    this.client = old; // marks a reconnect as pending so 'error' and 'end' do not schedule two
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}
