/** The largest image a customer may add to a comment on their page. */
export const MAX_CUSTOMER_IMAGE_BYTES = 5 * 1024 * 1024;

export type CustomerImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/**
 * What an uploaded file really is, from its first bytes (the signatures of the PNG, JPEG, WebP
 * and GIF specifications) — never from its name or the type the browser claims. Null for anything else.
 */
export function imageTypeOf(bytes: Uint8Array): CustomerImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  return null;
}
