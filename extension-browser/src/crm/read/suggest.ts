/** What a customer's text already says that the capture form asks for: steps and environment. Pure text in, suggestions out. */

const STEP = /^\s*(?:(\d{1,2})[.)]|[-*•–]|(?:step|schritt|étape)\s*\d{1,2}\s*[:.)-])\s+(.{3,300})$/i;

/**
 * Numbered or bulleted lines in the customer's text, as reproduction steps. A run of at least two counts;
 * numbered lines win over bullets when both are present.
 */
export function stepsFromText(text: string): string[] {
  const numbered: string[] = [];
  const bullets: string[] = [];
  for (const line of text.split('\n')) {
    const m = STEP.exec(line);
    if (!m) continue;
    (m[1] || /^\s*(step|schritt|étape)/i.test(line) ? numbered : bullets).push(m[2]!.trim());
  }
  const pick = numbered.length >= 2 ? numbered : bullets.length >= 2 ? bullets : [];
  return pick.slice(0, 20);
}

export interface EnvironmentHint {
  os?: string | undefined;
  browser?: string | undefined;
  version?: string | undefined;
}

const OS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\bWindows\s?(11|10|8\.1|8|7|Server\s?20\d\d)\b/i, (m) => `Windows ${m[1]}`],
  [/\bmacOS\s?(?:[A-Z][a-z]+\s)?(\d{2}(?:\.\d+)*)?/i, (m) => (m[1] ? `macOS ${m[1]}` : 'macOS')],
  [/\bMac ?OS ?X\s?(\d{2}(?:\.\d+)*)?/i, (m) => (m[1] ? `macOS ${m[1]}` : 'macOS')],
  [/\biOS\s?(\d{1,2}(?:\.\d+)*)/, (m) => `iOS ${m[1]}`],
  [/\biPadOS\s?(\d{1,2}(?:\.\d+)*)/, (m) => `iPadOS ${m[1]}`],
  [/\bAndroid\s?(\d{1,2}(?:\.\d+)*)?/i, (m) => (m[1] ? `Android ${m[1]}` : 'Android')],
  [/\b(Ubuntu|Debian|Fedora|Linux Mint|ChromeOS|Chrome OS)\s?(\d{1,2}(?:\.\d+)*)?/i, (m) => (m[2] ? `${m[1]} ${m[2]}` : m[1]!)],
  [/\bLinux\b/i, () => 'Linux'],
];
const BROWSER = /\b(Chrome|Chromium|Firefox|Safari|Edge|Opera|Brave|Vivaldi|Internet Explorer)(?:\s?(?:version\s)?(\d{1,3}(?:\.\d+)*))?/i;
const VERSION =
  /\b(?:version|versio[nń]|v\.?|release|build|app version|app-version|appversion)\s?:?\s?(\d+\.\d+(?:\.\d+){0,2}(?:[-+][\w.]+)?)\b|\bv(\d+\.\d+(?:\.\d+){0,2})\b/i;

const canon = (b: string) =>
  b
    .replace(/^chrome$/i, 'Chrome')
    .replace(/^firefox$/i, 'Firefox')
    .replace(/^safari$/i, 'Safari')
    .replace(/^edge$/i, 'Edge');

/** Browser, operating system and app version mentioned in the text (the first of each). */
export function environmentFromText(text: string): EnvironmentHint {
  const out: EnvironmentHint = {};
  for (const [re, f] of OS) {
    const m = re.exec(text);
    if (m) {
      out.os = f(m).trim();
      break;
    }
  }
  const b = BROWSER.exec(text);
  if (b) out.browser = b[2] ? `${canon(b[1]!)} ${b[2]}` : canon(b[1]!);
  const v = VERSION.exec(text);
  if (v) out.version = v[1] ?? v[2];
  return out;
}
