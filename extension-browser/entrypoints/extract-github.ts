import { github } from '@/src/crm/github';
import { runAdapter } from '@/src/crm/runAdapter';

// Injected into a github ticket tab on demand by the panel; returns the ticket to the panel.
export default defineUnlistedScript(() => runAdapter(github));
