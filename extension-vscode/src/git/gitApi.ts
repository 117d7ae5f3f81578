import * as vscode from 'vscode';

// The small part of the built-in git extension's API (extensions/git/src/api/git.d.ts) we use.
export interface GitBranch {
  name?: string;
}
export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD: GitBranch | undefined };
  getBranch(name: string): Promise<GitBranch>;
  createBranch(name: string, checkout: boolean, ref?: string): Promise<void>;
  checkout(treeish: string): Promise<void>;
}
export interface GitAPI {
  readonly repositories: GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}

/** The git API, or null when the built-in git extension is disabled or git is missing. */
export async function gitApi(): Promise<GitAPI | null> {
  const ext = vscode.extensions.getExtension<{ enabled: boolean; getAPI(v: 1): GitAPI }>('vscode.git');
  if (!ext) return null;
  const exports = ext.isActive ? ext.exports : await ext.activate();
  return exports.enabled ? exports.getAPI(1) : null;
}
