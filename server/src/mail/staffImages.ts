import type { StaffMailEntry } from './compose.js';
import type { Store } from '../store/store.js';

/**
 * The most customers' images one staff mail carries, in bytes before encoding (base64 adds a
 * third): 7 MB stays under the 10 MB many mail servers accept. One image may be as large as
 * MAX_CUSTOMER_IMAGE_BYTES (5 MB), so a burst of comments can hold more than fits; those past
 * the cap are named in the mail and left on the incident.
 */
export const STAFF_MAIL_IMAGES_MAX_BYTES = 7 * 1024 * 1024;

type Image = NonNullable<StaffMailEntry['image']>;

/**
 * The images customers sent with the comments among `entries` (timeline rows), by entry id, in
 * the entries' order until `maxBytes` is reached; an image past it comes without its bytes. An
 * erased image (emptied) is not sent at all.
 */
export async function staffMailImages(
  store: Store,
  incidentId: number,
  entries: { id: number; kind: string; data: string }[],
  maxBytes = STAFF_MAIL_IMAGES_MAX_BYTES,
): Promise<Map<number, Image>> {
  const wanted = entries.flatMap((e) => {
    if (e.kind !== 'customer_comment') return [];
    const { attachmentId } = JSON.parse(e.data) as { attachmentId?: unknown };
    return typeof attachmentId === 'number' ? [{ entryId: e.id, attachmentId }] : [];
  });
  const images = new Map<number, Image>();
  if (wanted.length === 0) return images;
  const rows = await store.db
    .selectFrom('attachments')
    .select(['id', 'name', 'media_type', 'size', 'data_base64'])
    .where('incident_id', '=', incidentId)
    .where(
      'id',
      'in',
      wanted.map((w) => w.attachmentId),
    )
    .where('size', '>', 0)
    .execute();
  let left = maxBytes;
  for (const w of wanted) {
    const row = rows.find((r) => r.id === w.attachmentId);
    if (!row) continue;
    const fits = row.size <= left;
    if (fits) left -= row.size;
    images.set(w.entryId, {
      name: row.name,
      mediaType: row.media_type,
      ...(fits ? { bytes: Buffer.from(row.data_base64, 'base64') } : {}),
    });
  }
  return images;
}
