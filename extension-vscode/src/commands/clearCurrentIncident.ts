import type { CommandDeps } from './deps';

/** "Clear Current Incident": this workspace works on no incident now (the view and status bar empty). */
export function clearCurrentIncident(deps: CommandDeps) {
  return async (): Promise<void> => {
    await deps.current.clear();
  };
}
