import type { Step } from '@handoff/shared';

export interface ChecklistStep {
  index: number;
  action: string;
  expected?: string;
  actual?: string;
  /** The step that shows the bug: it carries what actually happened (a recording's failing step does). */
  failing: boolean;
  done: boolean;
}

/** The incident's steps as a checklist: numbered, ticked as this workspace remembers, the failing one marked. */
export function checklistOf(steps: Step[], checked: number[]): ChecklistStep[] {
  const done = new Set(checked);
  return steps.map((s, index) => ({
    index,
    action: s.action,
    ...(s.expected ? { expected: s.expected } : {}),
    ...(s.actual ? { actual: s.actual } : {}),
    failing: Boolean(s.actual?.trim()) && s.actual?.trim() !== s.expected?.trim(),
    done: done.has(index),
  }));
}
