import { jira } from '@/src/crm/jira';
import { runAdapter } from '@/src/crm/runAdapter';

// Injected into a jira ticket tab on demand by the panel; returns the ticket to the panel.
export default defineUnlistedScript(() => runAdapter(jira));
