import type { CrmMapping } from '@handoff/shared';
import type { SiteMapping } from './read/taught';

export type SiteMappings = Record<string, SiteMapping>;

/**
 * The teams' shared mappings by site. Someone in two teams that both shared a site gets the first team's field
 * (teams in name order, as the server lists them) and the other's only where the first taught nothing.
 */
export function teamMappingsByOrigin(list: readonly CrmMapping[]): SiteMappings {
  const out: SiteMappings = {};
  for (const m of list) out[m.origin] = { ...(m.fields as SiteMapping), ...out[m.origin] };
  return out;
}

/**
 * What the panel reads a site with. The rule (stated in the options): a field the agent taught on this
 * browser wins; every other field comes from the team's shared mapping, fetched afresh for each page, so a
 * lead's update reaches everyone who has not taught that field themselves (removing one's own field follows
 * the team again).
 */
export function effectiveMappings(own: SiteMappings, team: SiteMappings): SiteMappings {
  const out: SiteMappings = { ...team };
  for (const [origin, fields] of Object.entries(own)) out[origin] = { ...team[origin], ...fields };
  return out;
}
