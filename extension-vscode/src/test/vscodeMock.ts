// The few `vscode` names pure-logic modules touch when imported in unit tests. Anything that needs
// real VS Code behaviour is tested in the real VS Code suite (e2e/), not here.
export const l10n = {
  t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
};
export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}
export class ThemeColor {
  constructor(readonly id: string) {}
}
export class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (l: (e: T) => void) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners = [];
  }
}
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
export class TreeItem {
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  command?: unknown;
  id?: string;
  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {}
}
export class MarkdownString {
  value = '';
  appendText(s: string) {
    this.value += s;
    return this;
  }
  appendMarkdown(s: string) {
    this.value += s;
    return this;
  }
}
export const workspace = { getConfiguration: () => ({ get: (_k: string, d: unknown) => d }) };
export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3, Four: 4, Five: 5, Six: 6, Seven: 7, Eight: 8, Nine: 9 };
