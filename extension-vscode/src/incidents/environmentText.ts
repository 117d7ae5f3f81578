/**
 * Reads the "environment used" box of a reproduction: `os: macOS 15; browser: Safari 18` (pairs
 * separated by `;` or new lines, `:` or `=` between key and value). Text without a key becomes
 * `{ environment: text }`, so nothing typed is lost. Empty → undefined.
 */
export function parseEnvironmentText(text: string): Record<string, string> | undefined {
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return undefined;
  const out: Record<string, string> = {};
  for (const part of parts) {
    const m = /^([^:=]{1,60}?)\s*[:=]\s*(.+)$/.exec(part);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
    else out.environment = out.environment ? `${out.environment}; ${part}` : part;
  }
  return out;
}
