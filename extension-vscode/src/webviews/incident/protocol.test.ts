import { describe, expect, it } from 'vitest';
import { ExtensionToPanelSchema, PanelStateSchema, PanelToExtensionSchema } from './protocol';
import { panelHtml } from './html';

describe('panel → extension messages', () => {
  it('accepts well-formed actions', () => {
    expect(PanelToExtensionSchema.parse({ type: 'action', requestId: 1, action: { type: 'comment', text: ' hi ' } })).toEqual({
      type: 'action',
      requestId: 1,
      action: { type: 'comment', text: 'hi' },
    });
    expect(
      PanelToExtensionSchema.safeParse({ type: 'action', requestId: 2, action: { type: 'transition', to: 'in_progress' } }).success,
    ).toBe(true);
  });
  it('rejects unknown types, unknown statuses, empty comments and non-http links', () => {
    const bad = [
      { type: 'eval', code: 'x' },
      { type: 'action', requestId: 1, action: { type: 'transition', to: 'done' } },
      { type: 'action', requestId: 1, action: { type: 'comment', text: '   ' } },
      { type: 'openLink', url: 'javascript:alert(1)' },
      { type: 'openLink', url: 'command:workbench.action.terminal.new' },
      { type: 'stepToggled', index: -1, done: true },
    ];
    for (const m of bad) expect(PanelToExtensionSchema.safeParse(m).success, JSON.stringify(m)).toBe(false);
  });
});

describe('extension → panel messages', () => {
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
