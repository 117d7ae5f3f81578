import { describe, expect, it } from 'vitest';
import { NOTHING_OFFERED } from '../../incidents/offer';
import { incident, outline } from '../../test/fixtures';
import { ExtensionToPanelSchema, PanelStateSchema, PanelToExtensionSchema, parseAction, TEXT_LIMITS } from './protocol';
import { panelHtml } from './html';

describe('panel → extension messages', () => {
  it('accepts well-formed actions', () => {
    expect(PanelToExtensionSchema.parse({ type: 'action', requestId: 1, action: { type: 'comment', text: ' hi ' } })).toEqual({
      type: 'action',
      requestId: 1,
      action: { type: 'comment', text: 'hi', visibleToCustomer: false },
    });
    // A comment is internal unless marked for the customer.
    const marked = PanelToExtensionSchema.parse({
      type: 'action',
      requestId: 3,
      action: { type: 'comment', text: 'Fixed', visibleToCustomer: true },
    });
    expect(marked.type === 'action' && marked.action).toEqual({ type: 'comment', text: 'Fixed', visibleToCustomer: true });
    expect(
      PanelToExtensionSchema.safeParse({ type: 'action', requestId: 2, action: { type: 'transition', to: 'in_progress' } }).success,
    ).toBe(true);
  });
  it('takes its text limits from the shared schemas: 10,000 for a comment, 5,000 for a reason', () => {
    expect(TEXT_LIMITS).toEqual({ reason: 5000, question: 5000, comment: 10_000, notes: 10_000, version: 60, reference: 40 });
    expect(parseAction({ type: 'comment', text: 'x'.repeat(10_000) }).ok).toBe(true);
    expect(parseAction({ type: 'comment', text: 'x'.repeat(10_001) })).toEqual({
      ok: false,
      problem: 'text: must be at most 10000 characters',
    });
    expect(parseAction({ type: 'transition', to: 'wont_fix', reason: 'r'.repeat(5000) }).ok).toBe(true);
    expect(parseAction({ type: 'transition', to: 'wont_fix', reason: 'r'.repeat(5001) })).toEqual({
      ok: false,
      problem: 'reason: must be at most 5000 characters',
    });
  });
  it('names the field of what the contract refuses, as the server would', () => {
    expect(parseAction({ type: 'comment', text: '  ' })).toEqual({ ok: false, problem: 'text: text must not be empty' });
    expect(parseAction({ type: 'markFixed', version: 'v'.repeat(61) })).toEqual({
      ok: false,
      problem: 'version: must be at most 60 characters',
    });
    expect(parseAction({ type: 'reproduction', result: 'reproduced', environment: { os: 'x'.repeat(1001) } })).toEqual({
      ok: false,
      problem: 'environment.os: must be at most 1000 characters',
    });
  });
  it('accepts a request for earlier timeline entries and a structured reproduction environment', () => {
    expect(actionAccepted({ type: 'loadEarlier' })).toBe(true);
    expect(parseAction({ type: 'reproduction', result: 'reproduced', environment: { os: 'macOS 15' } })).toEqual({
      ok: true,
      action: { type: 'reproduction', result: 'reproduced', notes: '', environment: { os: 'macOS 15' } },
    });
  });
  it('rejects unknown types, unknown statuses, empty comments and non-http links', () => {
    const bad = [
      { type: 'eval', code: 'x' },
      { type: 'action', requestId: 1, action: { type: 'transition', to: 'done' } },
      { type: 'action', requestId: 1, action: { type: 'comment', text: '   ' } },
      { type: 'openLink', url: 'javascript:alert(1)' },
      { type: 'openLink', url: 'command:workbench.action.terminal.new' },
      { type: 'stepToggled', index: -1, done: true },
      { type: 'action', requestId: 1, action: { type: 'comment', text: 'x'.repeat(10_001) } },
    ];
    for (const m of bad) expect(PanelToExtensionSchema.safeParse(m).success, JSON.stringify(m)).toBe(false);
  });
});

function actionAccepted(action: unknown): boolean {
  return PanelToExtensionSchema.safeParse({ type: 'action', requestId: 1, action }).success;
}

describe('extension → panel messages', () => {
  it('carries a whole incident or another team’s outline, each with what is offered', () => {
    const labels = { status: 'Status' };
    const full = { type: 'incident', incident: incident(), offer: NOTHING_OFFERED, checkedSteps: [], questions: [], labels };
    expect(ExtensionToPanelSchema.safeParse(full).success).toBe(true);
    const summary = { type: 'outline', outline: outline(), whose: 'INC-8 belongs to team billing', offer: NOTHING_OFFERED, labels };
    expect(ExtensionToPanelSchema.safeParse(summary).success).toBe(true);
    // an outline never passes for a whole incident
    expect(ExtensionToPanelSchema.safeParse({ ...full, incident: outline() }).success).toBe(false);
  });
  it('carries ticked steps alone, as whole step indexes', () => {
    expect(ExtensionToPanelSchema.safeParse({ type: 'checks', checkedSteps: [0, 2] }).success).toBe(true);
    expect(ExtensionToPanelSchema.safeParse({ type: 'checks', checkedSteps: [0.5] }).success).toBe(false);
  });

  it('only lets the allowed attachment media types through', () => {
    expect(ExtensionToPanelSchema.safeParse({ type: 'attachment', id: 1, mediaType: 'image/png', dataBase64: 'AAAA' }).success).toBe(true);
    expect(ExtensionToPanelSchema.safeParse({ type: 'attachment', id: 1, mediaType: 'text/html', dataBase64: 'AAAA' }).success).toBe(false);
    expect(ExtensionToPanelSchema.safeParse({ type: 'attachment', id: 1, mediaType: 'image/png', dataBase64: '"><script>' }).success).toBe(
      false,
    );
  });
  it('validates the restored panel state', () => {
    expect(PanelStateSchema.safeParse({ reference: 'INC-1' }).success).toBe(true);
    expect(PanelStateSchema.safeParse({}).success).toBe(false);
    expect(PanelStateSchema.safeParse({ reference: 'INC-99999999999' }).success).toBe(false);
  });
});

describe('panel HTML', () => {
  it('has a nonce CSP, no inline script and escapes its inputs', () => {
    const html = panelHtml(
      { cspSource: 'https://x.vscode-cdn.net', scriptUri: 'https://x/a.js"><b', styleUri: 'https://x/s.css', language: 'de' },
      'abc123',
    );
    expect(html).toContain("script-src 'nonce-abc123'");
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain("'unsafe-inline'");
    expect(html).not.toContain('"><b');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="abc123"');
  });
});
