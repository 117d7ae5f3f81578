import type { Incident } from '@handoff/shared';

/**
 * Escapes what would change meaning in the Markdown preview (emphasis, code, links, HTML,
 * tables) so incident text shows literally; leaves ordinary punctuation readable in the source.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\r?\n/g, ' ');
}

/**
 * The read-only "steps beside the code" document: environment, then the numbered steps with
 * expected and actual results, as Markdown. Incident text is escaped (shown, never interpreted).
 */
export function stepsMarkdown(
  i: Incident,
  labels: { steps: string; expected: string; actual: string; environment: string; none: string },
): string {
  const lines = [`# ${i.reference} — ${escapeMarkdown(i.title)}`, ''];
  const product = [i.product, i.version, i.component]
    .filter(Boolean)
    .map((s) => escapeMarkdown(s!))
    .join(' · ');
  lines.push(product, '');
  const env = Object.entries(i.environment);
  if (env.length) {
    lines.push(`## ${labels.environment}`, '');
    for (const [k, v] of env) lines.push(`- **${escapeMarkdown(k)}**: ${escapeMarkdown(v)}`);
    lines.push('');
  }
  lines.push(`## ${labels.steps}`, '');
  if (!i.steps.length) lines.push(labels.none);
  i.steps.forEach((s, n) => {
    lines.push(`${n + 1}. ${escapeMarkdown(s.action)}`);
    if (s.expected) lines.push(`   - ${labels.expected}: ${escapeMarkdown(s.expected)}`);
    if (s.actual) lines.push(`   - ${labels.actual}: ${escapeMarkdown(s.actual)}`);
  });
  lines.push('');
  return lines.join('\n');
}
