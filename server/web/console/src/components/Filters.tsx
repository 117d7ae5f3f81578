import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api.js';
import type { FilterForm } from '../filters.js';
import type { MessageKey, Translate } from '../i18n.js';

interface Facets {
  products: string[];
  versions: string[];
  categories: string[];
  teams: string[];
}

const CHOICES: { field: keyof FilterForm; label: MessageKey; facet: keyof Facets }[] = [
  { field: 'team', label: 'team', facet: 'teams' },
  { field: 'product', label: 'product', facet: 'products' },
  { field: 'version', label: 'version', facet: 'versions' },
  { field: 'category', label: 'category', facet: 'categories' },
];

/** The insight filters: a period and the team, product, version and category that exist. */
export function Filters({ api, t, value, onChange }: { api: Api; t: Translate; value: FilterForm; onChange: (next: FilterForm) => void }) {
  const [facets, setFacets] = useState<Facets>({ products: [], versions: [], categories: [], teams: [] });
  useEffect(() => {
    api.insights.facets.query().then(setFacets, () => undefined);
  }, [api]);
  const set = (field: keyof FilterForm) => (e: Event) => onChange({ ...value, [field]: (e.currentTarget as HTMLInputElement).value });
  return (
    <form class="filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('from')}
        <input type="date" name="from" value={value.from} onChange={set('from')} />
      </label>
      <label>
        {t('to')}
        <input type="date" name="to" value={value.to} onChange={set('to')} />
      </label>
      {CHOICES.map((c) => (
        <label key={c.field}>
          {t(c.label)}
          <select name={c.field} value={value[c.field]} onChange={set(c.field)}>
            <option value="">{t('any')}</option>
            {facets[c.facet].map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      ))}
    </form>
  );
}
