import { CrmMappingSchema, type CrmMapping } from '@handoff/shared';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { teamMappingsByOrigin, type SiteMappings } from '../crm/teamMappings';
import type { Api } from './client';

const CACHE = 'teamMappingsCache';
/** A slow server must not keep the panel at "Loading…": past this, the page is read with the cached mappings. */
const FETCH_LIMIT_MS = 2000;
const ListSchema = z.array(CrmMappingSchema);

/**
 * The signed-in person's teams' shared mappings (`crm.mappings.list`), by site. Kept in storage so a panel
 * that cannot reach the server still reads taught sites with the last ones it saw.
 */
export async function loadTeamMappings(api: Api | null): Promise<{ list: CrmMapping[]; bySite: SiteMappings }> {
  if (api) {
    try {
      const list = ListSchema.parse(await api.crm.mappings.list.query({}, { signal: AbortSignal.timeout(FETCH_LIMIT_MS) }));
      await browser.storage.local.set({ [CACHE]: list });
      return { list, bySite: teamMappingsByOrigin(list) };
    } catch (e) {
      console.warn('team mappings: using the cached ones', e);
    }
  }
  const cached = ListSchema.safeParse((await browser.storage.local.get(CACHE))[CACHE]);
  const list = cached.success ? cached.data : [];
  return { list, bySite: teamMappingsByOrigin(list) };
}
