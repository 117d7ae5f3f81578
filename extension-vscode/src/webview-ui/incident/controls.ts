// The panel's controls are @vscode-elements/elements web components (the maintained successor of
// the retired webview UI toolkit): they take VS Code's theme variables, so buttons, boxes and
// selects look native in light, dark and high-contrast themes without hand-written styles.
// Bundled into the panel script (media/build/incident.js); their styles are constructed
// stylesheets, which the panel's nonce-only CSP allows.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';

/** A control that holds text or a choice (what a re-render must keep). */
export const VALUE_CONTROLS = 'vscode-textfield[id], vscode-textarea[id], vscode-single-select[id]';

/** Something with a value the person typed or chose. */
export interface ValueControl extends HTMLElement {
  value: string;
}
