import type { TemplateInput } from '@handoff/shared';

type Q = TemplateInput['questions'][number];
const q = (id: string, text: string, why: string, kind: Q['kind'] = 'text', required = true, options?: string[]): Q =>
  options ? { id, text, why, kind, required, options } : { id, text, why, kind, required };

const common = {
  since: q(
    'since',
    'When did it start, and did it ever work?',
    'A change that started on a known date points at a release or a configuration change.',
    'text',
  ),
  scope: q(
    'scope',
    'Does it happen to everyone in the organisation or only some users?',
    'One user points at their account or device; everyone points at the service.',
    'choice',
    true,
    ['Only this user', 'Some users', 'Everyone', 'Not known'],
  ),
};

/** Question lists for common categories, each with why it is asked (seeded by --demo). */
export const DEMO_TEMPLATES: TemplateInput[] = [
  {
    category: 'login',
    escalateWhen: 'everyone in an organisation is locked out, or SSO fails after a release.',
    label: 'Sign-in and access',
    questions: [
      q(
        'error_message',
        'What exactly does the screen say (copy the message)?',
        'The exact text tells developers which check failed; paraphrases hide it.',
        'longtext',
      ),
      q(
        'sso',
        'Does the customer sign in with SSO (Okta, Azure AD, Google) or a password?',
        'SSO problems are usually in the identity provider set-up, not in our code.',
        'choice',
        true,
        ['Password', 'SSO', 'Not known'],
      ),
      {
        ...q(
          'identity_provider',
          'Which identity provider, and what does its sign-in log say for this user?',
          'The provider’s own log names the rejected claim or certificate: the fix is usually there.',
          'text',
        ),
        showIf: { question: 'sso', equals: 'SSO' },
      },
      q(
        'other_browser',
        'Does it work in a private window or another browser?',
        'If yes, stale cookies or an extension are the cause and no developer is needed.',
        'yesno',
      ),
      common.scope,
      q(
        'account_email',
        'Which account (e-mail) is affected?',
        'Developers look up that account’s sign-in log to see the failure.',
        'text',
        false,
      ),
    ],
  },
  {
    category: 'installation',
    label: 'Installation and upgrade',
    questions: [
      q(
        'installer',
        'Which installer or package was used (file name or package manager)?',
        'Each installer has its own scripts; the name tells which one ran.',
      ),
      q(
        'step_failed',
        'At which step does it fail, and what is the last message shown?',
        'The last message locates the failing step in the installer.',
        'longtext',
      ),
      q(
        'upgrade_from',
        'Is this a fresh install or an upgrade? From which version?',
        'Upgrades run migrations that fresh installs skip.',
        'text',
      ),
      q(
        'admin_rights',
        'Does the user have administrator rights on the machine?',
        'Missing rights cause most failed installs and need no code change.',
        'yesno',
      ),
      q('log_attached', 'Is the installer log attached?', 'The log has the error the screen hides.', 'yesno', false),
    ],
  },
  {
    category: 'billing',
    escalateWhen: 'a customer was charged twice or the wrong amount, or invoices cannot be downloaded.',
    label: 'Billing and payments',
    questions: [
      q('invoice_id', 'Which invoice or order number is affected?', 'Billing developers trace the exact transaction by its number.'),
      q(
        'amount_expected',
        'What amount did the customer expect, and what were they charged?',
        'The difference shows whether tax, proration or currency is wrong.',
        'longtext',
      ),
      q(
        'payment_method',
        'Which payment method (card, invoice, PayPal, …)?',
        'Each provider has its own integration and failure modes.',
        'choice',
        true,
        ['Card', 'Invoice / bank transfer', 'PayPal', 'Other'],
      ),
      q(
        'plan_change',
        'Did the customer change plan or seats recently?',
        'Plan changes trigger proration, the most common source of wrong amounts.',
        'yesno',
      ),
    ],
  },
  {
    category: 'performance',
    escalateWhen: 'pages take longer than 10 seconds for several customers.',
    label: 'Slowness and timeouts',
    questions: [
      q(
        'what_slow',
        'Which page or action is slow, and how long does it take?',
        'A number and a place let developers find the slow query or call.',
        'longtext',
      ),
      q(
        'usual_time',
        'How long did it take before it became slow?',
        'It tells a regression (was fast) from a scaling limit (always slow).',
        'text',
      ),
      common.since,
      q(
        'data_size',
        'Roughly how much data does the account have (records, files)?',
        'Slowness often grows with data size; developers need it to reproduce.',
        'text',
        false,
      ),
      q(
        'network',
        'Is the customer on VPN, a proxy or a remote site?',
        'Network paths add latency no code change can remove.',
        'yesno',
        false,
      ),
    ],
  },
  {
    category: 'data',
    escalateWhen: 'at once, data is missing or shown to the wrong customer.',
    label: 'Wrong or missing data',
    questions: [
      q('record', 'Which record is wrong (ID or link)?', 'Developers start from the exact record and its history.'),
      q(
        'expected_data',
        'What should it show, and what does it show?',
        'Expected versus actual defines the bug; without it nobody can say when it is fixed.',
        'longtext',
      ),
      q(
        'changed_by',
        'Did anyone edit it, import data or run an integration around that time?',
        'Most wrong data is written by an import or an integration, not by the app.',
        'longtext',
        false,
      ),
      common.since,
    ],
  },
  {
    category: 'integration',
    label: 'Integrations and API',
    questions: [
      q('integration', 'Which integration or API endpoint?', 'Each integration has its own owner team and logs.'),
      q(
        'request_id',
        'Is there a request ID, webhook ID or timestamp of a failing call?',
        'With an ID developers find the exact call in the logs in seconds.',
        'text',
        false,
      ),
      q(
        'response',
        'What error or HTTP status does the customer get?',
        'The status separates auth problems (401/403) from our failures (5xx).',
        'longtext',
      ),
      q(
        'changed_recently',
        'Did the customer change credentials, scopes or their own system recently?',
        'Changes on the customer side cause most integration breaks.',
        'yesno',
      ),
    ],
  },
  {
    category: 'crash',
    escalateWhen: 'the app crashes for more than one customer or data may be lost.',
    label: 'Crash or error screen',
    questions: [
      q(
        'crash_message',
        'What does the error screen or crash dialog say?',
        'The message or error code identifies the failing component.',
        'longtext',
      ),
      q(
        'last_action',
        'What was the user doing right before the crash?',
        'The last action is usually the trigger; it becomes the first step to reproduce.',
        'longtext',
      ),
      q(
        'every_time',
        'Does it happen every time, or only sometimes?',
        'Every time can be reproduced directly; sometimes points at timing or data.',
        'choice',
        true,
        ['Every time', 'Sometimes', 'Happened once'],
      ),
      q('crash_report', 'Is a crash report or console log attached?', 'The stack trace in it leads straight to the code.', 'yesno', false),
    ],
  },
];
