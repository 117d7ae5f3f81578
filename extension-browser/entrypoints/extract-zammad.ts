import { zammad } from '@/src/crm/zammad';
import { runAdapter } from '@/src/crm/runAdapter';

// Injected into a zammad ticket tab on demand by the panel; returns the ticket to the panel.
export default defineUnlistedScript(() => runAdapter(zammad));
