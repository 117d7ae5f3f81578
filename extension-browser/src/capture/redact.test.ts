import { expect, it } from 'vitest';
import { dragRect, fitScale } from './redact';

it('turns a drag in any direction into a clipped rectangle', () => {
  expect(dragRect(50, 40, 10, 5, 100, 100)).toEqual({ x: 10, y: 5, w: 40, h: 35 });
  expect(dragRect(90, 90, 150, 120, 100, 100)).toEqual({ x: 90, y: 90, w: 10, h: 10 });
});

it('shrinks wide screenshots and never enlarges small ones', () => {
  expect(fitScale(2560, 1280)).toBe(0.5);
  expect(fitScale(800, 1280)).toBe(1);
});
