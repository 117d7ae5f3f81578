import type { CommandDeps } from './deps';
import { assignToMe } from './assignToMe';
import { clearCurrentIncident } from './clearCurrentIncident';
import { createRelease } from './createRelease';
import { createReproTest } from './createReproTest';
import { runReproduction } from './runReproduction';
import { openCurrentIncident } from './openCurrentIncident';
import { openIncident } from './openIncident';
import { openStepsBeside } from './openStepsBeside';
import { refresh } from './refresh';
import { signIn } from './signIn';
import { shipRelease } from './shipRelease';
import { signOut } from './signOut';
import { startWork } from './startWork';

/** Every command id contributed in package.json and its implementation (a test checks both agree). */
export const COMMANDS: Record<string, (deps: CommandDeps) => (...args: never[]) => unknown> = {
  'handoff.signIn': signIn,
  'handoff.signOut': signOut,
  'handoff.openIncident': openIncident,
  'handoff.refresh': refresh,
  'handoff.openStepsBeside': openStepsBeside,
  'handoff.startWork': startWork,
  'handoff.assignToMe': assignToMe,
  'handoff.createRelease': createRelease,
  'handoff.shipRelease': shipRelease,
  'handoff.createReproTest': createReproTest,
  'handoff.runReproduction': runReproduction,
  'handoff.openCurrentIncident': openCurrentIncident,
  'handoff.clearCurrentIncident': clearCurrentIncident,
};
