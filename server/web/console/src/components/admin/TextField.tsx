import type { Refusal } from './refusal.js';
import { FieldError } from './RefusalText.js';

/** A labelled text input with the server's message for its field (`path`, default its name) underneath. */
export function TextField({
  label,
  name,
  value,
  onInput,
  refusal,
  path = name,
  grow = false,
  size,
  placeholder,
}: {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  refusal: Refusal | null;
  path?: string;
  grow?: boolean;
  size?: number;
  placeholder?: string;
}) {
  return (
    <label class={grow ? 'grow' : undefined}>
      {label}
      <input name={name} value={value} size={size} placeholder={placeholder} onInput={(e) => onInput(e.currentTarget.value)} />
      <FieldError refusal={refusal} path={path} />
    </label>
  );
}
