import { helpscout } from '@/src/crm/helpscout';
import { runAdapter } from '@/src/crm/runAdapter';

// Injected into a helpscout ticket tab on demand by the panel; returns the ticket to the panel.
export default defineUnlistedScript(() => runAdapter(helpscout));
