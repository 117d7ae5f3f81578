import { z } from 'zod';
import { SiteMappingsSchema, type Settings } from '../settings';

/** The JSON a lead exports and agents import: taught fields per site origin. */
export const MappingFileSchema = z.object({
  handoffSiteMappings: z.literal(1),
  sites: SiteMappingsSchema,
});

export function exportMappings(mappings: Settings['siteMappings']): string {
  return JSON.stringify({ handoffSiteMappings: 1, sites: mappings }, null, 2);
}

/**
 * Merges an exported file into the agent's mappings: imported fields replace the same fields of the same
 * site, everything else stays. Throws a readable message naming what is wrong with the file.
 */
export function importMappings(current: Settings['siteMappings'], text: string): { merged: Settings['siteMappings']; sites: number } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  const parsed = MappingFileSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`${i.path.join('.') || 'file'}: ${i.message}`);
  }
  const merged = { ...current };
  for (const [origin, fields] of Object.entries(parsed.data.sites)) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      throw new Error(`sites.${origin}: a site is written as its origin, like https://help.example.com`);
    merged[origin] = { ...(merged[origin] ?? {}), ...fields };
  }
  return { merged, sites: Object.keys(parsed.data.sites).length };
}
