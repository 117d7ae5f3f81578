import { runAdapter } from '@/src/crm/runAdapter';

// Injected into a helpdesk tab on demand by the panel: one script for every adapter in the registry, which
// picks the one for the page (seventeen small adapters cost ~15 KB together; one script each cost a build each).
export default defineUnlistedScript(() => runAdapter());
