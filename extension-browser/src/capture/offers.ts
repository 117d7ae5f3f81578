import { environmentFromText, stepsFromText, type EnvironmentHint } from '../crm/read/suggest';
import { newStep, type CaptureDraft } from './formState';

/**
 * What the customer's own text offers the form: steps (when the agent has written none) and environment
 * details (those still empty). Nothing is applied until the agent accepts it.
 */
export function offersFor(d: CaptureDraft, customerText: string): { steps: string[]; environment: EnvironmentHint } {
  const noSteps = d.steps.every((s) => !s.action.trim());
  const env = environmentFromText(customerText);
  const environment: EnvironmentHint = {};
  if (env.os && !d.environment.os.trim()) environment.os = env.os;
  if (env.browser && !d.environment.browser.trim()) environment.browser = env.browser;
  if (env.version && !d.version.trim()) environment.version = env.version;
  return { steps: noSteps ? stepsFromText(customerText) : [], environment };
}

export function withSteps(steps: string[]): Partial<CaptureDraft> {
  return { steps: steps.map((action) => ({ ...newStep(), action })) };
}

export function withEnvironment(d: CaptureDraft, env: EnvironmentHint): Partial<CaptureDraft> {
  return {
    environment: { ...d.environment, os: env.os ?? d.environment.os, browser: env.browser ?? d.environment.browser },
    version: env.version ?? d.version,
  };
}
