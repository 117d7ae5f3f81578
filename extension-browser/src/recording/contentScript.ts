import { browser } from 'wxt/browser';
import { DEFAULT_MASK_RULES, type MaskRules } from './mask';
import { startRecorder } from './recorder';
import { RECTS_GLOBAL, RULES_GLOBAL, STOP_GLOBAL } from './globals';
import { sensitiveRects } from './sensitiveRects';

/** Starts the recorder once per page with the rules the background set just before. */
export function startRecording(): void {
  const g = globalThis as Record<string, unknown>;
  if (typeof g[STOP_GLOBAL] === 'function') return;
  const given = g[RULES_GLOBAL] as Partial<MaskRules> | undefined;
  const rules: MaskRules = {
    emails: given?.emails === true,
    patterns: Array.isArray(given?.patterns)
      ? given.patterns.filter((p): p is string => typeof p === 'string')
      : DEFAULT_MASK_RULES.patterns,
  };
  const stop = startRecorder(document, rules, (m) => {
    void browser.runtime.sendMessage(m).catch(() => undefined); // the background restarts; a lost event beats a broken page
  });
  g[RECTS_GLOBAL] = () => ({ boxes: sensitiveRects(document, rules), ratio: devicePixelRatio });
  g[STOP_GLOBAL] = () => {
    stop();
    g[STOP_GLOBAL] = undefined;
  };
}
