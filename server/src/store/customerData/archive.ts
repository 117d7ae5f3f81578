import { strToU8, zipSync } from 'fflate';
import type { ExportedCustomer } from './customerData.js';

export const EXPORT_FORMAT = 'handoff-customer-export/1';

/**
 * The export as one zip archive: `customer.json` (every holder's section) and the attachments
 * under `attachments/<reference>/`. fflate builds it in memory (no native code, no streams to
 * manage; exports are bounded by the attachments' 900 KB limit each).
 */
export function exportArchive(exported: ExportedCustomer, references: string[], now = new Date()): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const sections: Record<string, unknown[]> = {};
  for (const [id, section] of Object.entries(exported.sections)) {
    sections[id] = section.items;
    for (const f of section.files ?? []) files[f.path] = f.data;
  }
  const json = { format: EXPORT_FORMAT, exportedAt: now.toISOString(), email: exported.email, incidents: references, ...sections };
  files['customer.json'] = strToU8(`${JSON.stringify(json, null, 2)}\n`);
  // Already-compressed images gain nothing from deflate; text does.
  return zipSync(files, { level: 6, mtime: now });
}
