import { servicenow } from '@/src/crm/servicenow';
import { runAdapter } from '@/src/crm/runAdapter';

// Injected into a servicenow ticket tab on demand by the panel; returns the ticket to the panel.
export default defineUnlistedScript(() => runAdapter(servicenow));
