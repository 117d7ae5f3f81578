export type { AppRouter } from './routers/_app.js';
export { appRouter, createCaller } from './routers/_app.js';
export { createContextInner, type Context, type Services } from './context.js';
export { startServer, openServices, PortInUseError, type RunningServer, type ServerOptions } from './server.js';
export { DatabaseUnavailableError } from './store/open.js';
export { DEMO_USERS, seedDemo } from './demo.js';
export { createTestDatabase, type TestDatabase } from './testing.js';
export type { Database } from './store/schema.js';
export { rebuildInsightRollups } from './store/insightRollups.js';
