import { salesforce } from '@/src/crm/salesforce';
import { runAdapter } from '@/src/crm/runAdapter';

// Injected into a salesforce ticket tab on demand by the panel; returns the ticket to the panel.
export default defineUnlistedScript(() => runAdapter(salesforce));
