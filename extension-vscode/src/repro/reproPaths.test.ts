import { describe, expect, it } from 'vitest';
import { readPlaywrightReport } from './playwrightReport';
import { specPath } from './reproPaths';

describe('reproduction tests in the workspace', () => {
  it('go to the configured folder, never outside the workspace', () => {
    expect(specPath('/ws', 'tests/repro', 'INC-1042')).toBe('/ws/tests/repro/INC-1042.spec.ts');
    expect(specPath('/ws', '', 'INC-7')).toBe('/ws/tests/repro/INC-7.spec.ts');
    expect(() => specPath('/ws', '../elsewhere', 'INC-7')).toThrow(/inside the workspace/);
  });

  it("read Playwright's JSON report: the failing step and its message", () => {
    const failed = {
      suites: [
        {
          suites: [
            {
              specs: [
                {
                  tests: [
                    {
                      results: [
                        {
                          status: 'failed',
                          error: {
                            message:
                              '\u001b[31mError: Step 7 (Click “Pay now” (button)): expected Order confirmed\u001b[39m\n\nLocator: getByText',
                          },
                          steps: [
                            { title: '6. Enter “spring10” in “Coupon” (textbox)' },
                            {
                              title: '7. Click “Pay now” (button)',
                              error: { message: 'x' },
                              steps: [{ title: 'Expect "toBeVisible"', error: { message: 'x' } }],
                            },
                          ],
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(readPlaywrightReport(JSON.stringify(failed))).toEqual({
      passed: false,
      step: '7. Click “Pay now” (button)',
      message: 'Step 7 (Click “Pay now” (button)): expected Order confirmed',
    });
    const passed = { suites: [{ specs: [{ tests: [{ results: [{ status: 'passed' }] }] }] }] };
    expect(readPlaywrightReport(JSON.stringify(passed))).toEqual({ passed: true });
    expect(() => readPlaywrightReport(JSON.stringify({ suites: [], errors: [{ message: 'SyntaxError: x\n at' }] }))).toThrow(
      'The test did not run: SyntaxError: x',
    );
  });
});
