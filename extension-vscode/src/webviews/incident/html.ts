import { randomBytes } from 'node:crypto';

export interface PanelHtmlParts {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  language: string;
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The panel's shell. Nothing from the incident is in this HTML: the script renders it as text
 * (or sanitised Markdown) after a validated message. Scripts run only with the nonce; images may
 * come from the extension's media or as data: URLs (screenshots fetched through the extension).
 */
export function panelHtml(parts: PanelHtmlParts, nonce: string): string {
  const csp = [
    "default-src 'none'",
    `img-src ${parts.cspSource} data:`,
    `style-src ${parts.cspSource}`,
    `font-src ${parts.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttr(parts.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(parts.styleUri)}">
<title>Handoff incident</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${escapeAttr(nonce)}" src="${escapeAttr(parts.scriptUri)}"></script>
</body>
</html>`;
}
