import { formatRef } from '@handoff/shared';
import type { PersonalDataHolder, Scope } from '../holder.js';
import { mentions, scrubber, scrubJson } from '../scrub.js';

type Db = Parameters<PersonalDataHolder['erase']>[0];

/**
 * Timeline entries of the incidents the target is on. The export holds the entries that mention
 * them (e.g. "Another customer has this: …"); erasure replaces those mentions in each entry's
 * text, details and title snapshot — the one exception to "never edited" the law requires.
 */
export const timeline: PersonalDataHolder = {
  id: 'timeline',
  tables: ['timeline'],

  async export(db, scope) {
    // What an entry says about them (its title is only a snapshot of the incident's).
    const rows = (await rowsInScope(db, scope)).filter((r) => mentions(scope.identity, `${r.text}\n${r.data}`));
    return {
      items: rows.map((r) => ({
        reference: formatRef(r.incident_id, scope.prefix),
        at: r.at,
        kind: r.kind,
        text: r.text,
        data: JSON.parse(r.data) as unknown,
      })),
    };
  },

  async erase(trx, scope, placeholder) {
    const scrub = scrubber(scope.identity, placeholder);
    let changed = 0;
    for (const r of await rowsInScope(trx, scope)) {
      const next = { text: scrub(r.text), data: scrubJson(r.data, scrub), title: scrub(r.title) };
      if (next.text === r.text && next.data === r.data && next.title === r.title) continue;
      await trx.updateTable('timeline').set(next).where('id', '=', r.id).execute();
      changed += 1;
    }
    return changed;
  },
};

function rowsInScope(db: Db, scope: Scope) {
  const ids = [...scope.identity.customerOf, ...scope.identity.affectedOn].filter((id) => scope.incidentIds.includes(id));
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('timeline')
    .select(['id', 'incident_id', 'at', 'kind', 'text', 'data', 'title'])
    .where('incident_id', 'in', ids)
    .orderBy('id')
    .execute();
}
