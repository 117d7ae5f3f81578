import { createCallerFactory, router } from '../trpc.js';
import { authRouter, catalogRouter, routingRouter, teamsRouter, templatesRouter, usersRouter } from './admin.js';
import { crmRouter } from './crm.js';
import { customersRouter } from './customers.js';
import { auditRouter, tokensRouter } from './accounts.js';
import { eventsRouter } from './events.js';
import { feedsRouter } from './feeds.js';
import { incidentsRouter } from './incidents.js';
import { insightsRouter } from './insights.js';
import { knownSolutionsRouter } from './knownSolutions.js';
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
  feeds: feedsRouter,
  insights: insightsRouter,
  knownSolutions: knownSolutionsRouter,
  crm: crmRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
