import { describe, expect, it } from 'vitest';
import { blockCommentStates, findRefsInLine } from './refLinks';

describe('findRefsInLine', () => {
  it('finds every reference in Markdown and commit messages', () => {
    expect(findRefsInLine('Fixes INC-1042 and inc-7.', 'markdown', 'INC')).toEqual([
      { start: 6, end: 14, ref: 'INC-1042' },
      { start: 19, end: 24, ref: 'INC-7' },
    ]);
    expect(findRefsInLine('INC-12: retry login', 'git-commit', 'INC')).toHaveLength(1);
  });
  it('in code, only finds references inside comments', () => {
    expect(findRefsInLine('const x = INC-1; // see INC-2', 'typescript', 'INC').map((m) => m.ref)).toEqual(['INC-2']);
    expect(findRefsInLine('# INC-3 workaround', 'python', 'INC').map((m) => m.ref)).toEqual(['INC-3']);
    expect(findRefsInLine('let a = INC-4', 'typescript', 'INC')).toEqual([]);
    expect(findRefsInLine(' * INC-5 in a block', 'java', 'INC').map((m) => m.ref)).toEqual(['INC-5']);
  });
  it('does not match inside longer words', () => {
    expect(findRefsInLine('XINC-1 INC-12a', 'markdown', 'INC')).toEqual([]);
  });
  it('tracks block comments across lines', () => {
    expect(blockCommentStates(['a /* start', 'INC-1 inside', 'end */ b', 'c'])).toEqual([false, true, true, false]);
    expect(findRefsInLine('INC-1 inside', 'c', 'INC', true)).toHaveLength(1);
  });
});
