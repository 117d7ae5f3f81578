import { type Question, type TemplateStats, visibleQuestions } from '@handoff/shared';
import type { Store } from './store.js';
import { cosine, terms, vectors } from './textSimilarity.js';

/** A developer's question asks for the same information as a listed question at this similarity or more. */
export const SAME_INFORMATION = 0.45;
/** Developer questions this similar to each other form one suggestion. */
const SAME_SUGGESTION = 0.4;
/** Developer questions read per category (the most recent ones). */
const MAX_DEVELOPER_QUESTIONS = 5_000;

/**
 * How the questions of a category fare: per question of its latest version, how many incidents
 * were asked it and answered it, and how often developers later asked L1 for the same information
 * anyway; plus the questions developers keep asking that the list lacks, grouped by meaning.
 */
export async function questionStats(
  store: Store,
  category: string,
  refOf: (id: number) => string,
  since?: string,
): Promise<TemplateStats | null> {
  const history = await store.templateHistory(category);
  const latest = history[0];
  if (!latest) return null;
  const byVersion = new Map(history.map((t) => [t.version, t]));

  let incidents = store.db.selectFrom('incidents').select(['id', 'answers', 'template_version']).where('category', '=', category);
  if (since) incidents = incidents.where('created_at', '>=', since);
  const rows = await incidents.execute();
  const asked = new Map<string, number>();
  const answered = new Map<string, number>();
  for (const r of rows) {
    const answers = JSON.parse(r.answers) as Record<string, string>;
    const version = r.template_version === null ? undefined : byVersion.get(r.template_version);
    for (const q of version ? visibleQuestions(version, answers) : []) {
      asked.set(q.id, (asked.get(q.id) ?? 0) + 1);
      if (Object.hasOwn(answers, q.id) && answers[q.id]!.trim()) answered.set(q.id, (answered.get(q.id) ?? 0) + 1);
    }
  }

  let questionsQuery = store.db
    .selectFrom('timeline as t')
    .innerJoin('incidents as i', 'i.id', 't.incident_id')
    .select(['t.text', 't.incident_id'])
    .where('i.category', '=', category)
    .where('t.kind', '=', 'question');
  if (since) questionsQuery = questionsQuery.where('i.created_at', '>=', since);
  const devQuestions = await questionsQuery.orderBy('t.id', 'desc').limit(MAX_DEVELOPER_QUESTIONS).execute();

  const listed: Question[] = latest.questions;
  const vs = vectors([...listed.map((q) => terms(`${q.text} ${q.id.replace(/[-_]/g, ' ')}`)), ...devQuestions.map((d) => terms(d.text))]);
  const listedVs = vs.slice(0, listed.length);
  const devVs = vs.slice(listed.length);
  const again = new Map<string, number>();
  const uncovered: number[] = [];
  devVs.forEach((v, i) => {
    let best = -1;
    let bestScore = SAME_INFORMATION;
    listedVs.forEach((lv, j) => {
      const score = cosine(v, lv);
      if (score >= bestScore) [best, bestScore] = [j, score];
    });
    if (best >= 0) again.set(listed[best]!.id, (again.get(listed[best]!.id) ?? 0) + 1);
    else if (v.size > 0) uncovered.push(i);
  });

  // Greedy grouping: each uncovered question joins the first group whose first member it resembles.
  const groups: number[][] = [];
  for (const i of uncovered) {
    const g = groups.find((members) => cosine(devVs[i]!, devVs[members[0]!]!) >= SAME_SUGGESTION);
    if (g) g.push(i);
    else groups.push([i]);
  }
  const suggestions = groups
    .filter((g) => g.length >= 2)
    .sort((a, b) => b.length - a.length)
    .slice(0, 10)
    .map((g) => {
      // The most typical wording: the member closest to all the others.
      const typical = g.reduce((best, i) => {
        const score = (j: number) => g.reduce((s, k) => s + cosine(devVs[j]!, devVs[k]!), 0);
        return score(i) > score(best) ? i : best;
      }, g[0]!);
      const refs = [...new Set(g.map((i) => refOf(devQuestions[i]!.incident_id)))];
      return {
        text: devQuestions[typical]!.text,
        count: g.length,
        references: refs.slice(0, 5),
        examples: [...new Set(g.map((i) => devQuestions[i]!.text))].slice(0, 3),
      };
    });

  return {
    category,
    incidents: rows.length,
    questions: listed.map((q) => ({
      id: q.id,
      text: q.text,
      asked: asked.get(q.id) ?? 0,
      answered: answered.get(q.id) ?? 0,
      askedAgainByDevelopers: again.get(q.id) ?? 0,
    })),
    suggestions,
  };
}
