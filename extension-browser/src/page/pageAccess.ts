import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { adapterFor } from '../crm/registry';
import { MAPPING_GLOBAL } from '../crm/runGeneric';
import type { SiteMapping } from '../crm/read/taught';
import type { PickedElement } from '../crm/teach';
import { TicketContextSchema } from '../crm/ticketContextSchema';
import type { TicketContext } from '../crm/ticketContext';
import { originPattern } from '../crm/origins';
import type { Target } from './target';

/** Thrown when the extension may not read the page yet; the panel then offers to enable the site. */
export class NoAccessError extends Error {
  constructor(readonly origin: string) {
    super(`No access to ${origin}`);
  }
  static is(e: unknown): e is NoAccessError {
    return e instanceof NoAccessError;
  }
}

async function inject<T>(tabId: number, file: string): Promise<T> {
  const [res] = await browser.scripting.executeScript({ target: { tabId }, files: [file as ScriptPublicPath] });
  return res?.result as T;
}

export async function hasAccess(url: string): Promise<boolean> {
  const origin = originPattern(url);
  return origin !== null && (await browser.permissions.contains({ origins: [origin] }));
}

/** Reads the ticket from the target tab with its CRM's script (or the generic one with the site's taught mapping). */
export async function readTicket(target: Target, mappings: Record<string, SiteMapping>): Promise<TicketContext> {
  try {
    let raw: unknown = adapterFor(target.url) ? await inject(target.tabId, '/extract-crm.js') : null;
    if (raw === null) {
      const mapping = mappings[new URL(target.url).origin] ?? {};
      await browser.scripting.executeScript({
        target: { tabId: target.tabId },
        func: (name: string, m: SiteMapping) => {
          (globalThis as Record<string, unknown>)[name] = m;
        },
        args: [MAPPING_GLOBAL, mapping],
      });
      raw = await inject(target.tabId, '/extract-generic.js');
    }
    return TicketContextSchema.parse(raw);
  } catch (e) {
    if (!(await hasAccess(target.url))) throw new NoAccessError(originPattern(target.url) ?? target.url);
    throw e;
  }
}

/** Teach mode: lets the agent click the element holding a field; resolves with its selector. */
export function pickOnPage(tabId: number): Promise<PickedElement | null> {
  return inject<PickedElement | null>(tabId, '/teach.js');
}

/** Writes text into the CRM's internal-note field (as text, never as HTML). */
export async function insertNote(tabId: number, selector: string, text: string): Promise<boolean> {
  const [res] = await browser.scripting.executeScript({
    target: { tabId },
    func: (sel: string, value: string) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) el.value = value;
      else el.textContent = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    },
    args: [selector, text],
  });
  return res?.result === true;
}
