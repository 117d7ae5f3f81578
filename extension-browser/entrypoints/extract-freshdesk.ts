import { freshdesk } from '@/src/crm/freshdesk';
import { runAdapter } from '@/src/crm/runAdapter';

// Injected into a freshdesk ticket tab on demand by the panel; returns the ticket to the panel.
export default defineUnlistedScript(() => runAdapter(freshdesk));
