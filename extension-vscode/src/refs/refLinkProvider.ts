import * as vscode from 'vscode';
import type { IncidentStore } from '../incidents/incidentStore';
import { statusLabel } from '../incidents/labels';
import { whoseLine } from '../incidents/whose';
import { refPrefix } from '../commands/prefix';
import { blockCommentStates, findRefsInLine } from './refLinks';

function refsIn(document: vscode.TextDocument) {
  const lines = Array.from({ length: document.lineCount }, (_, n) => document.lineAt(n).text);
  const block = blockCommentStates(lines);
  return lines.flatMap((line, n) => findRefsInLine(line, document.languageId, refPrefix(), block[n]).map((m) => ({ ...m, line: n })));
}

/** Turns `INC-1234` in comments, Markdown and commit messages into links that open the incident. */
export class RefLinkProvider implements vscode.DocumentLinkProvider, vscode.HoverProvider {
  constructor(private readonly store: IncidentStore) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    return refsIn(document).map((m) => {
      const target = vscode.Uri.parse(`command:handoff.openIncident?${encodeURIComponent(JSON.stringify([m.ref]))}`);
      const link = new vscode.DocumentLink(new vscode.Range(m.line, m.start, m.line, m.end), target);
      link.tooltip = vscode.l10n.t('Open {0} in Handoff', m.ref);
      return link;
    });
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    const lines = Array.from({ length: position.line + 1 }, (_, n) => document.lineAt(n).text);
    const inBlock = blockCommentStates(lines)[position.line] ?? false;
    const m = findRefsInLine(line, document.languageId, refPrefix(), inBlock).find(
      (r) => r.start <= position.character && position.character <= r.end,
    );
    if (!m) return undefined;
    const range = new vscode.Range(position.line, m.start, position.line, m.end);
    try {
      const i = await this.store.get(m.ref, 30_000);
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${i.reference}** `).appendText(i.title).appendMarkdown('\n\n');
      const owner = i.owner?.name ?? vscode.l10n.t('unassigned');
      // another team's incident has no severity in its outline; the hover says whose it is
      md.appendText(
        i.access === 'full'
          ? `${statusLabel(i.status)} · ${owner} · ${i.severity}`
          : `${statusLabel(i.status)} · ${owner}\n\n${whoseLine(i)}`,
      );
      return new vscode.Hover(md, range);
    } catch {
      return new vscode.Hover(
        new vscode.MarkdownString().appendText(vscode.l10n.t('{0}: not available (not signed in, or no such incident).', m.ref)),
        range,
      );
    }
  }
}
