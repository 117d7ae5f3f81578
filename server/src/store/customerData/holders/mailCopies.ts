import type { PersonalDataHolder } from '../holder.js';

/**
 * Copies of mails outside the database (#9): without SMTP every mail is an .eml file in the
 * outbox folder of the instance that wrote it — the address it went to, the incident's title and
 * the entries it told about, customers' own words among them (staff mails quote their comments).
 * The erasure marks every mail already written (or being written) about the incidents it touched;
 * the files themselves are removed after the commit (mail/outboxFiles.ts). All of them, not only
 * those addressed to the customer: the erasure has just rewritten those incidents' text, and a
 * copy written before it may quote what was replaced — telling which ones do would mean decoding
 * MIME (encoded words, quoted-printable, folded lines) and matching names as the scrubber does,
 * where a miss leaks. The rows stay, so what was sent when is still on record; mails not yet
 * written are composed from the erased text and keep their files.
 */
export const mailCopies: PersonalDataHolder = {
  id: 'mailCopies',
  tables: ['mail_outbox'],

  async erase(trx, scope) {
    if (scope.incidentIds.length === 0) return 0;
    const res = await trx
      .updateTable('mail_outbox')
      .set({ erased_at: new Date().toISOString() })
      .where('incident_id', 'in', scope.incidentIds)
      .where('state', '!=', 'pending')
      .where((eb) => eb.or([eb('via', 'is', null), eb('via', '=', 'folder')]))
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },
};
