import { auditPage } from './audit.js';
import { configDifferencesPage } from './configDifferences.js';
import { customerPlansPage } from './customerPlans.js';
import { customersPage } from './customers.js';
import { escalationsPage } from './escalations.js';
import { evaluationsPage } from './evaluations.js';
import { myEmailPage } from './myEmail.js';
import type { ConsolePage } from './page.js';
import { repeatedProblemsPage } from './repeatedProblems.js';
import { routingPage } from './routing.js';
import { slaPoliciesPage } from './slaPolicies.js';
import { teamsPage } from './teams.js';
import { templatesPage } from './templates.js';
import { tokensPage } from './tokens.js';
import { usersPage } from './users.js';
import { upgradeWarningsPage } from './upgradeWarnings.js';
import { volumePage } from './volume.js';
import { workaroundsPage } from './workarounds.js';

/** Every page of the console, in navigation order. A new page: its own file, and one entry here. */
export const PAGES: readonly ConsolePage[] = [
  repeatedProblemsPage,
  customersPage,
  volumePage,
  configDifferencesPage,
  upgradeWarningsPage,
  workaroundsPage,
  escalationsPage,
  evaluationsPage,
  templatesPage,
  teamsPage,
  routingPage,
  usersPage,
  tokensPage,
  myEmailPage,
  slaPoliciesPage,
  customerPlansPage,
  auditPage,
];
