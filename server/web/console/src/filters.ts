import type { InsightFilter } from '@handoff/shared';

/** Filter values as the form holds them: '' for "any". */
export interface FilterForm {
  from: string;
  to: string;
  team: string;
  product: string;
  version: string;
  category: string;
}

export const EMPTY_FILTERS: FilterForm = { from: '', to: '', team: '', product: '', version: '', category: '' };

/** The filter an insight takes: only the fields that are set. */
export function toFilter(form: FilterForm): InsightFilter {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (v) out[k] = v;
  return out as InsightFilter;
}
