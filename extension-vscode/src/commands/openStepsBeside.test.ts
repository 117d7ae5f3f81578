import { describe, expect, it } from 'vitest';
import { stepsColumn } from './openStepsBeside';

// ViewColumn: Beside = -2, One = 1, Two = 2 …
describe('stepsColumn: where the steps open so the code stays visible', () => {
  it('joins the incident panel’s column when the code is elsewhere', () => {
    expect(stepsColumn(1, 2)).toBe(2);
  });
  it('opens right of the code when the panel shares the code’s column or there is none', () => {
    expect(stepsColumn(1, 1)).toBe(2);
    expect(stepsColumn(2, undefined)).toBe(3);
  });
  it('opens left of code in the ninth (last) column, never over it', () => {
    expect(stepsColumn(9, undefined)).toBe(8);
  });
  it('opens beside whatever is active when no code editor is visible', () => {
    expect(stepsColumn(undefined, undefined)).toBe(-2);
  });
});
