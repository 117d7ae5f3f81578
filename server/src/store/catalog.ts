import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type Catalog = { product: string; versions: string[]; components: string[] }[];
const CATALOG_TTL_MS = 30_000;

/**
 * Products with the versions and components seen on incidents, most used first — the
 * suggestions in the capture form. It scans all incidents, so one answer is shared for
 * CATALOG_TTL_MS (suggestions may lag that long).
 */
export class CatalogCache {
  private cached: { at: number; value: Promise<Catalog> } | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  get(): Promise<Catalog> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > CATALOG_TTL_MS) {
      const value = this.read();
      this.cached = { at: now, value };
      value.catch(() => (this.cached = null));
    }
    return this.cached.value;
  }

  private async read(): Promise<Catalog> {
    const rows = await this.db
      .selectFrom('incidents')
      .select(['product', 'version', 'component', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['product', 'version', 'component'])
      .execute();
    const byProduct = new Map<string, { n: number; versions: Map<string, number>; components: Map<string, number> }>();
    for (const r of rows) {
      const n = Number(r.n);
      const p = byProduct.get(r.product) ?? { n: 0, versions: new Map(), components: new Map() };
      p.n += n;
      if (r.version) p.versions.set(r.version, (p.versions.get(r.version) ?? 0) + n);
      if (r.component) p.components.set(r.component, (p.components.get(r.component) ?? 0) + n);
      byProduct.set(r.product, p);
    }
    const ranked = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
    return [...byProduct]
      .sort((a, b) => b[1].n - a[1].n)
      .map(([product, p]) => ({ product, versions: ranked(p.versions), components: ranked(p.components) }));
  }
}
