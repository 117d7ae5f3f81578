import { randomUUID } from 'node:crypto';

// Realistic ticket text: support phrasing, product words, error messages and stack frames.
const SUBJECTS = [
  'Login fails after update',
  'SSO redirect loops back to sign-in',
  'Invoice shows wrong amount',
  'Export times out',
  'App crashes when opening settings',
  'Sync stops after a few minutes',
  'Password reset e-mail never arrives',
  'Dashboard loads very slowly',
  'Webhook deliveries return 500',
  'CSV import drops rows',
  'Search returns no results',
  'Mobile app freezes on start',
  'Payment declined although card is valid',
  'Report shows data from another team',
  'Two-factor code rejected',
  'Attachments cannot be uploaded',
  'Calendar events duplicated',
  'Timezone wrong in reports',
];
const PRODUCTS = ['Acme Cloud', 'Acme Desktop', 'Acme Mobile', 'Acme API'];
const COMPONENTS = ['Web app', 'Billing', 'Sync engine', 'Importer', 'iOS app', 'Android app', 'Reports', 'Auth'];
const FRAMES = [
  'SessionStore.handle (session-store.ts:88)',
  'CartReducer.ts:43',
  'InvoiceRenderer.render at invoice.ts:212',
  'SyncWorker.pull (sync/worker.ts:57)',
  'NullPointerException at com.acme.auth.TokenService.refresh(TokenService.java:131)',
  "TypeError: Cannot read properties of undefined (reading 'id') at ReportTable.tsx:19",
  'ECONNRESET at TLSSocket.onConnectEnd',
  'SQLSTATE 40001 serialization failure in OrderRepository.save',
];
const SENTENCES = [
  'The customer says it started after the last update.',
  'It happens every time on the first attempt.',
  'Restarting the browser does not help.',
  'Other users in the same organisation are affected too.',
  'The error appears right after clicking save.',
  'The page spins for about a minute and then shows a timeout.',
  'They use Chrome on Windows 11 behind a corporate proxy.',
  'It worked fine last week.',
  'The customer needs this for the month-end close.',
  'Clearing the cache makes no difference.',
];

const pick = <T>(arr: T[], i: number): T => arr[i % arr.length]!;

/** A deterministic, varied incident create input (the demo `crash` template's answers). */
export function corpusIncident(i: number) {
  const subject = pick(SUBJECTS, i * 7 + (i >> 3));
  const frame = pick(FRAMES, i * 3 + (i >> 5));
  return {
    idempotencyKey: randomUUID(),
    title: `${subject} (${pick(COMPONENTS, i)})`,
    description: `${pick(SENTENCES, i)} ${pick(SENTENCES, i * 5 + 1)} Error: ${frame}. Ticket ${100000 + i}.`,
    category: 'crash',
    answers: { crash_message: frame, last_action: pick(SENTENCES, i + 3), every_time: 'Every time' },
    product: pick(PRODUCTS, i),
    version: `4.${i % 7}.${i % 3}`,
    component: pick(COMPONENTS, i),
    environment: { os: pick(['Windows 11', 'macOS 15', 'Ubuntu 24.04', 'iOS 18'], i) },
    customer: { name: `Customer ${i}`, email: `c${i}@example.com`, org: `Org ${i % 500}` },
    crm: { system: 'zendesk', ticketId: String(100000 + i) },
    steps: [
      { action: 'Sign in as an ordinary user' },
      { action: `Open ${pick(COMPONENTS, i + 1)} and repeat the action`, expected: 'It works', actual: subject },
    ],
    reproducedByAgent: i % 2 === 0,
    severity: pick(['critical', 'high', 'medium', 'low'] as const, i),
    attachments: [],
  };
}

/** What agents type into "similar incidents": words, stack fragments, unfinished words. */
export const SEARCH_QUERIES = [
  'login fails after update',
  'invoice wrong amount',
  'SessionStore.handle',
  'CartReducer.ts:43',
  'export time',
  'sync stops',
  'password reset email',
  'webhook 500',
  'TokenService.refresh',
  'app crashes settings',
  'mobile freezes',
  'csv import rows',
  'timezone reports',
  'two-factor code',
  'dashboard slow',
  'payment declined card',
];
