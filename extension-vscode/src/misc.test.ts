import { describe, expect, it } from 'vitest';
import { classifyApiError } from './api/errors';
import { branchName } from './git/branchName';
import { parseEnvironmentText } from './incidents/environmentText';
import { escapeMarkdown } from './docs/stepsMarkdown';
import { refFromArg } from './commands/refArg';
import { canUseVsCode } from './auth/roles';
import { me } from './test/fixtures';
import { ROLES } from '@handoff/shared';

describe('classifyApiError', () => {
  it('uses tRPC error data, and no data means the server was not reached', () => {
    expect(classifyApiError({ message: 'x', data: { code: 'UNAUTHORIZED', httpStatus: 401 } })).toBe('unauthorized');
    expect(classifyApiError({ message: 'x', data: { code: 'FORBIDDEN', httpStatus: 403 } })).toBe('forbidden');
    expect(classifyApiError({ message: 'x', data: { code: 'NOT_FOUND', httpStatus: 404 } })).toBe('notFound');
    expect(classifyApiError(new TypeError('fetch failed'))).toBe('unreachable');
    expect(classifyApiError({ message: 'x', data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 } })).toBe('other');
  });
});

describe('branchName', () => {
  it('is the reference plus a short slug git accepts', () => {
    expect(branchName('INC-1042', 'SSO login loops back — to the sign-in page!')).toBe('inc-1042-sso-login-loops-back-to-the-sign-in-page');
    expect(branchName('INC-7', 'Crème brûlée crash', 12)).toBe('inc-7-creme-brulee');
    expect(branchName('INC-7', '<<<>>>')).toBe('inc-7');
  });
});

describe('parseEnvironmentText', () => {
  it('reads key/value pairs and keeps free text', () => {
    expect(parseEnvironmentText('os: macOS 15; browser = Safari 18')).toEqual({ os: 'macOS 15', browser: 'Safari 18' });
    expect(parseEnvironmentText('staging box')).toEqual({ environment: 'staging box' });
    expect(parseEnvironmentText('  ')).toBeUndefined();
  });
});

describe('escapeMarkdown / refFromArg', () => {
  it('escapes Markdown and HTML punctuation', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> *b* [l](u)')).toBe('\\<img src=x onerror=alert(1)\\> \\*b\\* \\[l\\](u)');
    expect(escapeMarkdown('sign-in page.\n# not a heading')).toBe('sign-in page. # not a heading');
  });
  it('takes references from strings and tree nodes', () => {
    expect(refFromArg('inc 5', 'INC')).toBe('INC-5');
    expect(refFromArg({ item: { reference: 'INC-6' } }, 'INC')).toBe('INC-6');
    expect(refFromArg(42, 'INC')).toBeNull();
  });
});

describe('canUseVsCode', () => {
  it('asks the shared model: those who may assign incidents (developers, leads, admins) work here', () => {
    expect(ROLES.filter((role) => canUseVsCode(me({ role })))).toEqual(['developer', 'lead', 'admin']);
  });
});
