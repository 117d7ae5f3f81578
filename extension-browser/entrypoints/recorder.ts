import { startRecording } from '@/src/recording/contentScript';

// Injected into the product tab while the agent records a reproduction (see src/recording/service.ts).
export default defineUnlistedScript(() => startRecording());
