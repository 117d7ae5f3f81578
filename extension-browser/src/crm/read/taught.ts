import { labelledValues, normLabel } from './labels';
import { blockText, lineText } from './text';
import { visibleAll } from './visible';

/** Fields the agent can teach by clicking an element on an unknown site; `note` is where "Insert into ticket note" writes. */
export const TEACHABLE_FIELDS = ['ticketId', 'subject', 'customerName', 'customerEmail', 'customerOrg', 'latestMessage', 'note'] as const;
export type TeachableField = (typeof TEACHABLE_FIELDS)[number];

/**
 * One taught field: a selector that survives layout changes, the label beside the value (used when the
 * selector finds nothing), an optional pattern keeping part of the text, and whether it is a repeated
 * element read at its last match (the latest message).
 */
export interface TaughtField {
  css: string;
  label?: string | undefined;
  pattern?: string | undefined;
  all?: boolean | undefined;
}
export type SiteMapping = Partial<Record<TeachableField, TaughtField>>;

function applyPattern(text: string | undefined, pattern: string | undefined): string | undefined {
  if (!text || !pattern) return text;
  try {
    const m = new RegExp(pattern, 'iu').exec(text);
    return m ? (m[1] ?? m[0]).trim() || undefined : undefined;
  } catch {
    return text; // an invalid pattern keeps the whole text rather than nothing
  }
}

/** The element(s) a taught field points at on this page: by selector, else by the label it was next to. */
export function taughtElements(doc: Document, f: TaughtField): Element[] {
  // A positional selector (the last resort when nothing names the element) breaks first: the label goes before it.
  const positional = /:nth-|>/.test(f.css);
  const byCss = () => visibleAll(doc, f.css);
  const byLabel = () => {
    if (!f.label) return [];
    const want = normLabel(f.label);
    return labelledValues(doc)
      .filter((v) => normLabel(v.label) === want && v.el)
      .map((v) => v.el!);
  };
  const first = positional ? byLabel() : byCss();
  return first.length ? first : positional ? byCss() : byLabel();
}

/** What a taught field reads on this page (the last match for repeated fields), or undefined when it finds nothing. */
export function readTaught(doc: Document, f: TaughtField | undefined, block = false): string | undefined {
  if (!f) return undefined;
  const els = taughtElements(doc, f);
  const el = f.all ? els.at(-1) : els[0];
  if (!el) return undefined;
  return applyPattern((block ? blockText(el) : lineText(el)) || undefined, f.pattern);
}
