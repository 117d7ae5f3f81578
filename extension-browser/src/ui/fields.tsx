import type { ComponentChildren } from 'preact';
import { captureMaxLength } from '../api/limits';

/** Label + control + the field's error; ids are derived from `name` so tests and labels can find controls. */
export function Field(props: {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${props.error ? ' has-error' : ''}`} data-field={props.name}>
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.children}
      {props.hint && <small class="hint">{props.hint}</small>}
      {props.error && (
        <small class="error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}

/** A capture field's `name` is its path in `incidents.create`'s input, which also gives its length limit. */
export function TextInput(props: {
  name: string;
  value: string;
  onInput: (v: string) => void;
  list?: string;
  type?: string;
  placeholder?: string;
}) {
  return (
    <input
      id={`f-${props.name}`}
      name={props.name}
      type={props.type ?? 'text'}
      list={props.list}
      placeholder={props.placeholder}
      maxLength={captureMaxLength(props.name)}
      value={props.value}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}

export function TextArea(props: { name: string; value: string; onInput: (v: string) => void; rows?: number }) {
  return (
    <textarea
      id={`f-${props.name}`}
      name={props.name}
      rows={props.rows ?? 3}
      maxLength={captureMaxLength(props.name)}
      value={props.value}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}
