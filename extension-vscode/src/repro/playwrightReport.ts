/** What one run of a reproduction test says, read from Playwright's JSON reporter. */
export type ReproOutcome = { passed: true } | { passed: false; step: string | null; message: string };

interface JsonStep {
  title: string;
  error?: { message?: string };
  steps?: JsonStep[];
}
interface JsonResult {
  status: string;
  errors?: Array<{ message?: string }>;
  error?: { message?: string };
  steps?: JsonStep[];
}
interface JsonSuite {
  specs?: Array<{ tests?: Array<{ results?: JsonResult[] }> }>;
  suites?: JsonSuite[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters
const ANSI = /\u001b\[[0-9;]*m/g;

function results(suites: JsonSuite[] = []): JsonResult[] {
  return suites.flatMap((s) => [
    ...(s.specs ?? []).flatMap((sp) => (sp.tests ?? []).flatMap((t) => t.results ?? [])),
    ...results(s.suites),
  ]);
}

/** The recorded step that failed: the top-level `test.step` with an error (inner steps are Playwright's own). */
function failedStep(steps: JsonStep[] = []): string | null {
  return steps.find((s) => s.error)?.title ?? null;
}

/**
 * The outcome of `playwright test --reporter=json` from its report: passed, or the `test.step`
 * that failed (`7. Click “Pay now” (button)`) and the first line of its error. Throws when the
 * report has no test result (the spec did not run: a syntax error, no browser).
 */
export function readPlaywrightReport(json: string): ReproOutcome {
  const report = JSON.parse(json) as { suites?: JsonSuite[]; errors?: Array<{ message?: string }> };
  const all = results(report.suites);
  if (all.length === 0) {
    const why = report.errors?.[0]?.message?.replace(ANSI, '').split('\n')[0];
    throw new Error(why ? `The test did not run: ${why}` : 'The test did not run: the report holds no result.');
  }
  const failed = all.find((r) => r.status !== 'passed' && r.status !== 'skipped');
  if (!failed) return { passed: true };
  const raw = failed.error?.message ?? failed.errors?.[0]?.message ?? `Test ${failed.status}`;
  const message =
    raw
      .replace(ANSI, '')
      .split('\n')
      .find((l) => l.trim()) ?? raw;
  return { passed: false, step: failedStep(failed.steps), message: message.replace(/^Error:\s*/, '').trim() };
}
