type Child = Node | string | null | undefined | false;

/** Creates an element; strings become text nodes, so incident content is never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function field(label: string, value: Child): HTMLElement {
  return h('div', { class: 'field' }, h('dt', {}, label), h('dd', {}, value ?? '—'));
}
