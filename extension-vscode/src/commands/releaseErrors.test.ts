import { describe, expect, it } from 'vitest';
import { describeReleaseError } from './releaseErrors';

const trpcError = (code: string, httpStatus: number, message: string) => Object.assign(new Error(message), { data: { code, httpStatus } });

describe('describeReleaseError', () => {
  it('says plainly why the server refused', () => {
    expect(describeReleaseError(trpcError('CONFLICT', 409, 'version: release 4.3.0 exists already.'), '4.3.0')).toBe(
      'Release 4.3.0 exists already. Pick another version.',
    );
    expect(describeReleaseError(trpcError('FORBIDDEN', 403, 'agents may not create releases'), '4.3.0')).toBe(
      'Only developers and leads manage releases: agents may not create releases',
    );
    expect(describeReleaseError(trpcError('BAD_REQUEST', 400, 'plannedDate must be a date like 2026-12-01'), '4.3.0')).toBe(
      'Release 4.3.0: plannedDate must be a date like 2026-12-01',
    );
    expect(describeReleaseError(new TypeError('fetch failed'), '4.3.0')).toContain('cannot be reached');
  });
});
