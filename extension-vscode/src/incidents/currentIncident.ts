import * as vscode from 'vscode';
import { z } from 'zod';
import { RefInputSchema } from '@handoff/shared';

const CURRENT_KEY = 'handoff.currentIncident';
const StepIndexesSchema = z.array(z.number().int().min(0));

/** Steps ticked off in this workspace, per incident. */
export const checkedStepsKey = (reference: string) => `handoff.steps.${reference}`;

/**
 * The incident this workspace works on now — the last one opened or started work on — and the
 * steps ticked off per incident. Both live in the workspace's state, so each project keeps its
 * own; the panel, the "Current incident" view and the status bar read them from here.
 */
export class CurrentIncident implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** The current reference changed (undefined: cleared). */
  readonly onDidChange = this.changed.event;
  private readonly checksChanged = new vscode.EventEmitter<string>();
  /** The ticked steps of this reference changed. */
  readonly onDidChangeChecks = this.checksChanged.event;

  constructor(private readonly state: vscode.Memento) {}

  get reference(): string | undefined {
    const parsed = RefInputSchema.safeParse(this.state.get<unknown>(CURRENT_KEY));
    return parsed.success ? parsed.data : undefined;
  }

  async set(reference: string): Promise<void> {
    if (this.reference === reference) return;
    await this.state.update(CURRENT_KEY, reference);
    this.changed.fire(reference);
  }

  async clear(): Promise<void> {
    await this.state.update(CURRENT_KEY, undefined);
    this.changed.fire(undefined);
  }

  checked(reference: string): number[] {
    const parsed = StepIndexesSchema.safeParse(this.state.get<unknown>(checkedStepsKey(reference), []));
    return parsed.success ? parsed.data : [];
  }

  async setChecked(reference: string, index: number, done: boolean): Promise<void> {
    const set = new Set(this.checked(reference));
    if (set.has(index) === done) return;
    if (done) set.add(index);
    else set.delete(index);
    await this.state.update(
      checkedStepsKey(reference),
      [...set].sort((a, b) => a - b),
    );
    this.checksChanged.fire(reference);
  }

  dispose(): void {
    this.changed.dispose();
    this.checksChanged.dispose();
  }
}
