import { StepSchema } from '@handoff/shared';
import { z } from 'zod';
import { rollupEnvironment } from '../../insightRollups.js';
import { searchDocument } from '../../searchText.js';
import type { PersonalDataHolder } from '../holder.js';
import { scrubber, scrubJson } from '../scrub.js';

/**
 * What people wrote on the incidents the target is on (title, description, steps, answers,
 * environment, workaround): mentions of the customer's name or e-mail are replaced, and the
 * search text is rebuilt from the result (PostgreSQL's search vector follows it; SQLite's
 * index is refreshed from the outbox the update fills). Exported through `incidents`.
 */
export const incidentText: PersonalDataHolder = {
  id: 'incidentText',
  tables: ['incidents', 'insight_env'],

  async erase(trx, scope, placeholder) {
    const ids = [...scope.identity.customerOf, ...scope.identity.affectedOn].filter((id) => scope.incidentIds.includes(id));
    if (ids.length === 0) return 0;
    const scrub = scrubber(scope.identity, placeholder);
    const rows = await trx
      .selectFrom('incidents')
      .select(['id', 'title', 'description', 'steps', 'answers', 'environment', 'workaround'])
      .where('id', 'in', ids)
      .execute();
    let changed = 0;
    for (const r of rows) {
      const next = {
        title: scrub(r.title),
        description: scrub(r.description),
        steps: scrubJson(r.steps, scrub),
        answers: scrubJson(r.answers, scrub),
        environment: scrubJson(r.environment, scrub),
        workaround: r.workaround === null ? null : scrub(r.workaround),
      };
      if (Object.entries(next).every(([k, v]) => r[k as keyof typeof next] === v)) continue;
      const doc = searchDocument(next.title, next.description, z.array(StepSchema).parse(JSON.parse(next.steps)));
      await trx
        .updateTable('incidents')
        .set({ ...next, search_title: doc.title, search_body: doc.body })
        .where('id', '=', r.id)
        .execute();
      // The insights' rollup of the environment holds only what the incident holds now.
      if (next.environment !== r.environment) await rollupEnvironment(trx, r.id, next.environment);
      changed += 1;
    }
    return changed;
  },
};
