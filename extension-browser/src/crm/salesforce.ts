import { firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

const field = (label: string) => `records-record-layout-item[field-label="${label}"] .slds-form-element__static`;

/** Salesforce Service Cloud (Lightning record page of a Case): fields are layout items named by their label. */
export const salesforce: CrmAdapter = {
  id: 'salesforce',
  label: 'Salesforce Service Cloud',
  origins: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  matches: (url) => /\/lightning\/r\/Case\/[A-Za-z0-9]{15,18}\/view/.test(url.pathname),
  extract(doc, url) {
    return {
      ticketId: textOf(doc, field('Case Number')) ?? fromUrl(url, /\/Case\/([A-Za-z0-9]{15,18})\//),
      subject: textOf(doc, field('Subject'), 'records-highlights2 lightning-formatted-text[slot="primaryField"]'),
      customerName: textOf(doc, field('Contact Name')),
      customerEmail: firstEmail(textOf(doc, field('Contact Email'), field('Web Email'))),
      customerOrg: textOf(doc, field('Account Name')),
      latestMessage: lastBlockOf(doc, '.cuf-feedItem[data-is-customer="true"] .cuf-feedBodyText', field('Description')),
    };
  },
};
