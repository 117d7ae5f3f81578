import { describe, expect, it } from 'vitest';
import { buildOpenUri, parseOpenUri, parseStepsDocPath, stepsDocPath } from './handoffUri';

describe('open URI', () => {
  it('accepts any spelling of the reference', () => {
    expect(parseOpenUri('/open', 'ref=INC-1042', 'INC')).toEqual({ ok: true, ref: 'INC-1042' });
    expect(parseOpenUri('/open/', 'ref=inc%201042', 'INC')).toEqual({ ok: true, ref: 'INC-1042' });
    expect(parseOpenUri('/open', 'ref=1042&x=1', 'INC')).toEqual({ ok: true, ref: 'INC-1042' });
  });
  it('names the problem of a bad link', () => {
    expect(parseOpenUri('/close', 'ref=1', 'INC')).toMatchObject({ ok: false, problem: 'unknownPath' });
    expect(parseOpenUri('/open', '', 'INC')).toMatchObject({ ok: false, problem: 'missingRef' });
    expect(parseOpenUri('/open', 'ref=%3Cscript%3E', 'INC')).toEqual({ ok: false, problem: 'malformedRef', given: '<script>' });
  });
  it('round-trips through buildOpenUri', () => {
    const uri = new URL(buildOpenUri('vscode', 'Handoff.handoff-vscode', 'INC-9'));
    expect(uri.host).toBe('handoff.handoff-vscode');
    expect(parseOpenUri(uri.pathname, uri.search.slice(1), 'INC')).toEqual({ ok: true, ref: 'INC-9' });
  });
});

describe('steps document path', () => {
  it('round-trips and rejects other paths', () => {
    expect(parseStepsDocPath(stepsDocPath('INC-5'))).toBe('INC-5');
    expect(parseStepsDocPath('/INC-5/other.md')).toBeNull();
  });
});
