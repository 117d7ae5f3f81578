import { configDifferencesPage } from './configDifferences.js';
import { customersPage } from './customers.js';
import { escalationsPage } from './escalations.js';
import { evaluationsPage } from './evaluations.js';
import type { ConsolePage } from './page.js';
import { repeatedProblemsPage } from './repeatedProblems.js';
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
];
