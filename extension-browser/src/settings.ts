import { browser } from 'wxt/browser';
import { TAUGHT_LIMITS } from '@handoff/shared';
import { z } from 'zod';
import { TEACHABLE_FIELDS, type TaughtField } from './crm/read/taught';
import { MAX_PATTERN_LENGTH, MAX_PATTERNS } from './recording/mask';

export const LANGUAGES = ['en', 'de', 'fr'] as const;

// Looser than the server's schema on purpose (no trimming, patterns not compiled): settings that fail to parse
// fall back to defaults, and an agent's stored teaching must never be lost to a stricter rule; the limits are shared.
export const TaughtFieldSchema = z.union([
  z.string().transform((css): TaughtField => ({ css })),
  z.object({
    css: z.string().min(1).max(TAUGHT_LIMITS.css),
    label: z.string().max(TAUGHT_LIMITS.label).optional(),
    pattern: z.string().max(TAUGHT_LIMITS.pattern).optional(),
    all: z.boolean().optional(),
  }),
]);
/** One site's taught fields (also the format of an exported mapping file). */
export const SiteMappingSchema = z.partialRecord(z.enum(TEACHABLE_FIELDS), TaughtFieldSchema);
export const SiteMappingsSchema = z.record(z.string(), SiteMappingSchema);
export const SettingsSchema = z.object({
  serverUrl: z.string().default(''),
  token: z.string().default(''),
  language: z.enum(['auto', ...LANGUAGES]).default('auto'),
  /** Taught fields per site origin (teach mode). Older versions stored a bare selector per field. */
  siteMappings: z.record(z.string(), SiteMappingSchema).default({}),
  /** What the reproduction recorder masks beyond passwords, card numbers and tokens (always masked). */
  recordingMask: z
    .object({
      emails: z.boolean().default(false),
      patterns: z.array(z.string().max(MAX_PATTERN_LENGTH)).max(MAX_PATTERNS).default([]),
    })
    .default({ emails: false, patterns: [] }),
});
export type Settings = z.infer<typeof SettingsSchema>;

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const raw = (await browser.storage.local.get(KEY))[KEY];
  const parsed = SettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function onSettingsChanged(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) void loadSettings().then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** `https://handoff.acme.test/` → `https://handoff.acme.test` (no trailing slash), or null when not http(s). */
export function normalizeServerUrl(input: string): string | null {
  const s = input.trim();
  if (!URL.canParse(s)) return null;
  const u = new URL(s);
  if (!/^https?:$/.test(u.protocol)) return null;
  return (u.origin + u.pathname).replace(/\/+$/, '');
}
