/** What the recorder knows of a key press. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** Where the key was pressed. */
export type KeyTarget = 'page' | 'textField' | 'secretField';

/** The modifiers held, in the order they go down. */
const MODIFIERS: ReadonlyArray<[keyof KeyPress, string]> = [
  ['ctrlKey', 'Control'],
  ['altKey', 'Alt'],
  ['metaKey', 'Meta'],
  ['shiftKey', 'Shift'],
];
/**
 * The same keys as `@handoff/shared`'s MODIFIER_KEYS (a test checks): not imported, because the
 * recorder script injected into the product page must stay small and the shared barrel brings zod.
 */
export const RECORDED_MODIFIERS: ReadonlySet<string> = new Set(MODIFIERS.map(([, key]) => key));
/** Keys that leave or submit a field: steps wherever they are pressed, a password field included. */
const LEAVING = new Set(['Enter', 'Escape', 'Tab']);
/** Keys that move or act on the page (outside a text field, where they only edit the text). */
const NAVIGATING = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Backspace',
  'Delete',
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
]);
/** Shortcuts that only edit the text of a field (select all, copy, cut, paste, undo, redo). */
const EDITING = new Set(['a', 'c', 'v', 'x', 'z', 'y']);

/**
 * The keys a press becomes in the recording, in the order they go down (modifiers first), or null
 * when it is not a step. Typing is never a step — the field's `change` records its value (masked) —
 * so a character is recorded only as part of a shortcut (Ctrl, Alt or Meta held), and in a password
 * or other secret field nothing but Enter, Tab and Escape is: not even a shortcut's key.
 */
export function keysOf(press: KeyPress, where: KeyTarget): string[] | null {
  const { key } = press;
  if (!key || key === 'Unidentified' || key === 'Dead' || RECORDED_MODIFIERS.has(key)) return null;
  const held = MODIFIERS.filter(([flag]) => press[flag]).map(([, name]) => name);
  const shortcut = press.ctrlKey || press.altKey || press.metaKey;
  if (where === 'secretField') return LEAVING.has(key) && !shortcut ? [...held, key] : null;
  if (LEAVING.has(key)) return [...held, key];
  if (shortcut) {
    if (key.length === 1 && where === 'textField' && EDITING.has(key.toLowerCase())) return null;
    return [...held, key];
  }
  if (where === 'page' && NAVIGATING.has(key)) return [...held, key];
  return null;
}
