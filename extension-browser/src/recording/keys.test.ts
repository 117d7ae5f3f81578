import { describe, expect, it } from 'vitest';
import { MODIFIER_KEYS } from '@handoff/shared';
import { type KeyPress, keysOf, RECORDED_MODIFIERS } from './keys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('keysOf: which key presses are recorded steps', () => {
  it('records Enter, Escape and Tab (Shift+Tab too) anywhere', () => {
    expect(keysOf(press('Enter'), 'page')).toEqual(['Enter']);
    expect(keysOf(press('Escape'), 'textField')).toEqual(['Escape']);
    expect(keysOf(press('Tab', { shiftKey: true }), 'textField')).toEqual(['Shift', 'Tab']);
  });

  it('records arrows, Home/End, Delete and function keys on the page, not while editing a field', () => {
    expect(keysOf(press('ArrowDown'), 'page')).toEqual(['ArrowDown']);
    expect(keysOf(press('F5'), 'page')).toEqual(['F5']);
    expect(keysOf(press('ArrowLeft'), 'textField')).toBeNull();
    expect(keysOf(press('Backspace'), 'textField')).toBeNull();
  });

  it('records shortcuts with their modifiers, modifiers first', () => {
    expect(keysOf(press('k', { ctrlKey: true }), 'page')).toEqual(['Control', 'k']);
    expect(keysOf(press('S', { metaKey: true, shiftKey: true }), 'page')).toEqual(['Meta', 'Shift', 'S']);
    expect(keysOf(press('Enter', { ctrlKey: true }), 'textField')).toEqual(['Control', 'Enter']);
  });

  it('never records typing: plain characters, Shift+character, editing shortcuts in a field, a modifier alone', () => {
    expect(keysOf(press('a'), 'page')).toBeNull();
    expect(keysOf(press('A', { shiftKey: true }), 'textField')).toBeNull();
    expect(keysOf(press(' '), 'page')).toBeNull();
    expect(keysOf(press('v', { ctrlKey: true }), 'textField')).toBeNull();
    expect(keysOf(press('Control', { ctrlKey: true }), 'page')).toBeNull();
  });

  it('records nothing typed into a password field but leaving it', () => {
    for (const key of ['h', 'H', '2', 'ArrowLeft', 'Backspace']) expect(keysOf(press(key), 'secretField'), key).toBeNull();
    expect(keysOf(press('k', { ctrlKey: true }), 'secretField')).toBeNull();
    expect(keysOf(press('Enter', { ctrlKey: true }), 'secretField')).toBeNull();
    expect(keysOf(press('Tab'), 'secretField')).toEqual(['Tab']);
    expect(keysOf(press('Enter'), 'secretField')).toEqual(['Enter']);
  });
});

it('knows the modifiers the Playwright spec holds down (shared MODIFIER_KEYS)', () => {
  expect([...RECORDED_MODIFIERS].sort()).toEqual([...MODIFIER_KEYS].sort());
});
