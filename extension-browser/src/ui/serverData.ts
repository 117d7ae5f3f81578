import { browser } from 'wxt/browser';
import { z } from 'zod';
import { TemplateSchema, type Template } from '@handoff/shared';
import type { Api } from '../api/client';

const CatalogSchema = z.array(z.object({ product: z.string(), versions: z.array(z.string()), components: z.array(z.string()) }));
export type Catalog = z.infer<typeof CatalogSchema>;
const CACHE = 'serverDataCache';
const CacheSchema = z.object({ templates: z.array(TemplateSchema), catalog: CatalogSchema });

/** Templates and product suggestions; cached so an offline panel can still capture (the queue sends it later). */
export async function loadServerData(api: Api): Promise<{ templates: Template[]; catalog: Catalog; offline: boolean }> {
  try {
    const [templates, catalog] = await Promise.all([api.templates.list.query(), api.catalog.products.query()]);
    const data = CacheSchema.parse({ templates, catalog });
    await browser.storage.local.set({ [CACHE]: data });
    return { ...data, offline: false };
  } catch {
    const cached = CacheSchema.safeParse((await browser.storage.local.get(CACHE))[CACHE]);
    return cached.success ? { ...cached.data, offline: true } : { templates: [], catalog: [], offline: true };
  }
}
