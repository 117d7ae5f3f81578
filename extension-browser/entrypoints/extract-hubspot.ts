import { hubspot } from '@/src/crm/hubspot';
import { runAdapter } from '@/src/crm/runAdapter';

// Injected into a hubspot ticket tab on demand by the panel; returns the ticket to the panel.
export default defineUnlistedScript(() => runAdapter(hubspot));
