import { installPageHooks } from '@/src/recording/pageHooks';

// Injected into the product page's own world while recording: console errors and failed requests.
export default defineUnlistedScript(() => installPageHooks(window));
