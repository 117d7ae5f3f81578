import { VALUE_CONTROLS, type ValueControl } from './controls';
import { ExtensionToPanelSchema, type ExtensionToPanel, type PanelAction, type PanelToExtension } from '../../webviews/incident/protocol';
import { renderOutline } from './outlineView';
import { renderIncident, type RenderContext } from './render';

declare function acquireVsCodeApi(): { postMessage(m: unknown): void; setState(s: unknown): void; getState(): unknown };

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let nextRequestId = 1;
const pending = new Map<number, (ok: boolean, message?: string) => void>();

function send(message: PanelToExtension): void {
  vscode.postMessage(message);
}

const ctx: RenderContext = {
  send,
  act(action: PanelAction, done: (ok: boolean, message?: string) => void) {
    const requestId = nextRequestId++;
    pending.set(requestId, done);
    send({ type: 'action', requestId, action });
  },
};

// A re-render replaces every element: one arriving between a press and its release would swallow the
// click (press and release would land on different elements). It waits for the release instead.
let pressed = false;
let pressedAt = 0;
let waiting: ExtensionToPanel | null = null;
/** A press longer than this is no click (a drag, or its release went outside the panel): renders go ahead. */
const LONGEST_CLICK_MS = 5000;
const released = () => {
  pressed = false;
  const next = waiting;
  waiting = null;
  app.removeAttribute('data-update-waiting');
  if (next) setTimeout(() => receive(next)); // after the click that this release completes
};
document.addEventListener(
  'pointerdown',
  () => {
    pressed = true;
    pressedAt = performance.now();
    // Should the release never come here (it happened outside the panel), what waits is shown anyway.
    setTimeout(() => pressed && performance.now() - pressedAt >= LONGEST_CLICK_MS && released(), LONGEST_CLICK_MS);
  },
  true,
);
document.addEventListener('pointerup', released, true);
document.addEventListener('pointercancel', released, true);
window.addEventListener('blur', released);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = ExtensionToPanelSchema.safeParse(event.data);
  if (!parsed.success) return; // only validated messages from the extension are acted on
  receive(parsed.data);
});

function receive(msg: ExtensionToPanel): void {
  switch (msg.type) {
    case 'incident':
    case 'outline': {
      if (pressed && performance.now() - pressedAt < LONGEST_CLICK_MS) {
        waiting = msg; // the newest wins: it holds everything the earlier one did
        app.setAttribute('data-update-waiting', ''); // says so (tests wait for it rather than for a fixed time)
        return;
      }
      const reference = msg.type === 'incident' ? msg.incident.reference : msg.outline.reference;
      vscode.setState({ reference });
      const drafts = captureDrafts(app);
      app.replaceChildren(msg.type === 'incident' ? renderIncident(msg, ctx) : renderOutline(msg, ctx));
      restoreDrafts(app, drafts);
      app.setAttribute('aria-busy', 'false');
      send({ type: 'rendered', reference });
      return;
    }
    case 'checks': {
      const checked = new Set(msg.checkedSteps);
      for (const box of app.querySelectorAll<HTMLInputElement>('[id^="step-"]')) {
        const index = Number(box.id.slice('step-'.length));
        if (Number.isInteger(index)) box.checked = checked.has(index);
      }
      return;
    }
    case 'loadError': {
      const p = document.createElement('p');
      p.className = 'error';
      p.setAttribute('role', 'alert');
      p.textContent = msg.message;
      app.replaceChildren(p);
      app.setAttribute('aria-busy', 'false');
      return;
    }
    case 'result':
      pending.get(msg.requestId)?.(msg.ok, msg.message);
      pending.delete(msg.requestId);
      return;
    case 'attachment':
      document.dispatchEvent(new CustomEvent('handoff-attachment', { detail: msg }));
      return;
  }
}

/** What the person was typing, so a re-render (live event, another action) never loses it. */
function captureDrafts(root: HTMLElement): { values: Map<string, string>; focused: string | null } {
  const values = new Map<string, string>();
  for (const el of root.querySelectorAll<ValueControl>(VALUE_CONTROLS)) values.set(el.id, el.value);
  // Only a panel that has focus gets it back; otherwise a re-render would steal focus from the
  // editor or the command palette the person is typing in.
  return { values, focused: document.hasFocus() ? document.activeElement?.id || null : null };
}

function restoreDrafts(root: HTMLElement, drafts: ReturnType<typeof captureDrafts>): void {
  for (const [id, value] of drafts.values) {
    const el = root.querySelector<ValueControl>(`#${CSS.escape(id)}`);
    if (!el || el.value === value) continue;
    if (el.tagName === 'VSCODE-SINGLE-SELECT') {
      if (![...el.querySelectorAll<ValueControl>('vscode-option')].some((o) => o.value === value)) continue;
      el.value = value;
      el.dispatchEvent(new Event('change')); // what depends on the choice (e.g. a required reason) follows it
    } else {
      el.value = value;
    }
  }
  if (drafts.focused) root.querySelector<HTMLElement>(`#${CSS.escape(drafts.focused)}`)?.focus();
}

send({ type: 'ready' });
