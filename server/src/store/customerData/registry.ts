import type { PersonalDataHolder } from './holder.js';
import { affectedCustomers } from './holders/affectedCustomers.js';
import { attachments } from './holders/attachments.js';
import { incidentCustomer } from './holders/incidentCustomer.js';
import { incidentText } from './holders/incidentText.js';
import { mailCopies } from './holders/mailCopies.js';
import { mailSubscriptions } from './holders/mailSubscriptions.js';
import { shareLinks } from './holders/shareLinks.js';
import { timeline } from './holders/timeline.js';

/**
 * Every kind of personal data about customers the store holds. Export and erasure go through
 * this list only: a new table with customers' data is one more holder here.
 */
export const PERSONAL_DATA_HOLDERS: readonly PersonalDataHolder[] = [
  incidentCustomer,
  affectedCustomers,
  incidentText,
  timeline,
  attachments,
  shareLinks,
  mailSubscriptions,
  // After mailSubscriptions, which deletes the customer's mails not yet sent.
  mailCopies,
];
