import { readGenericPage } from '@/src/crm/runGeneric';

// Injected into a page no adapter knows; the panel first sets the site's taught mapping (see src/crm/runGeneric.ts).
export default defineUnlistedScript(() => readGenericPage());
