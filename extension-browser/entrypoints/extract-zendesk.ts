import { zendesk } from '@/src/crm/zendesk';
import { runAdapter } from '@/src/crm/runAdapter';

// Injected into a zendesk ticket tab on demand by the panel; returns the ticket to the panel.
export default defineUnlistedScript(() => runAdapter(zendesk));
