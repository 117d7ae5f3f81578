import { createCallerFactory, router } from '../trpc.js';
import { authRouter, catalogRouter, routingRouter, teamsRouter, templatesRouter, usersRouter } from './admin.js';
import { auditRouter, tokensRouter } from './accounts.js';
import { eventsRouter } from './events.js';
import { incidentsRouter } from './incidents.js';
import { insightsRouter } from './insights.js';
import { knownSolutionsRouter } from './knownSolutions.js';
import { releasesRouter } from './releases.js';

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
  insights: insightsRouter,
  knownSolutions: knownSolutionsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
