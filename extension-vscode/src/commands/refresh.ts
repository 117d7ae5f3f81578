import { IncidentPanel } from '../webviews/incident/panel';
import type { CommandDeps } from './deps';

export function refresh(deps: CommandDeps) {
  return async (): Promise<void> => {
    await Promise.all([deps.store.refresh(), deps.releases.refresh()]);
    IncidentPanel.refreshAll();
  };
}
