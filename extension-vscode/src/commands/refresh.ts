import { IncidentPanel } from '../webviews/incident/panel';
import type { CommandDeps } from './deps';

export function refresh(deps: CommandDeps) {
  return async (): Promise<void> => {
    await deps.store.refresh();
    IncidentPanel.refreshAll();
  };
}
