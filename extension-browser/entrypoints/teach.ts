import { pickElement } from '@/src/crm/teach';

// Injected for teach mode: resolves with the selector of the element the agent clicks (or null on Escape).
export default defineUnlistedScript(() => pickElement());
