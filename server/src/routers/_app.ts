import { createCallerFactory, router } from '../trpc.js';
import { authRouter, catalogRouter, routingRouter, teamsRouter, templatesRouter, usersRouter } from './admin.js';
import { customersRouter } from './customers.js';
import { auditRouter, tokensRouter } from './accounts.js';
import { eventsRouter } from './events.js';
import { incidentsRouter } from './incidents.js';
import { releasesRouter } from './releases.js';
import { slaRouter } from './sla.js';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  tokens: tokensRouter,
  audit: auditRouter,
  incidents: incidentsRouter,
  templates: templatesRouter,
  teams: teamsRouter,
  routing: routingRouter,
  catalog: catalogRouter,
  events: eventsRouter,
  releases: releasesRouter,
  sla: slaRouter,
  customers: customersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
