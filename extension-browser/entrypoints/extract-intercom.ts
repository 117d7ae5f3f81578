import { intercom } from '@/src/crm/intercom';
import { runAdapter } from '@/src/crm/runAdapter';

// Injected into a intercom ticket tab on demand by the panel; returns the ticket to the panel.
export default defineUnlistedScript(() => runAdapter(intercom));
