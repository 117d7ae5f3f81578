import * as vscode from 'vscode';
import { MeSchema, type Me } from '@handoff/shared';
import { createHandoffClient, type HandoffClient } from '../api/client';
import { classifyApiError, serverMessage } from '../api/errors';
import { canUseVsCode } from './roles';

const TOKEN_KEY = 'handoff.token';

export type SignInResult =
  | { ok: true; user: Me }
  | { ok: false; problem: 'unreachable' | 'wrongToken' | 'wrongRole' | 'other'; detail: string };

export function serverUrl(): string {
  return vscode.workspace.getConfiguration('handoff').get<string>('serverUrl', 'http://127.0.0.1:4100');
}

/**
 * Checks a token against the server: who it belongs to, the server's visibility setting (the
 * policy every permission check here is made with) and whether that role works here.
 */
export async function validateToken(url: string, token: string): Promise<SignInResult> {
  try {
    const user = MeSchema.parse(await createHandoffClient(url, token).auth.whoami.query());
    if (!canUseVsCode(user)) return { ok: false, problem: 'wrongRole', detail: `${user.name} (${user.role})` };
    return { ok: true, user };
  } catch (err) {
    const problem = classifyApiError(err);
    if (problem === 'unreachable') return { ok: false, problem, detail: url };
    if (problem === 'unauthorized') return { ok: false, problem: 'wrongToken', detail: url };
    return { ok: false, problem: 'other', detail: serverMessage(err) };
  }
}

/**
 * The signed-in user with the server's visibility (`Me`: pass it as the policy to `can`), their
 * token (in SecretStorage, never in settings) and a client for them.
 */
export class Session implements vscode.Disposable {
  private current: { user: Me; client: HandoffClient } | null = null;
  private readonly changed = new vscode.EventEmitter<Me | null>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  get user(): Me | null {
    return this.current?.user ?? null;
  }

  /** The client; throws NotSignedInError when nobody is signed in (commands catch it). */
  get client(): HandoffClient {
    if (!this.current) throw new NotSignedInError();
    return this.current.client;
  }

  /** Signs in with the stored token, if any. Returns the problem when it no longer works. */
  async restore(): Promise<SignInResult | null> {
    const token = await this.secrets.get(TOKEN_KEY);
    if (!token) return this.set(null, null);
    const result = await validateToken(serverUrl(), token);
    return this.set(result, token);
  }

  async signIn(token: string): Promise<SignInResult> {
    const result = await validateToken(serverUrl(), token.trim());
    if (result.ok) await this.secrets.store(TOKEN_KEY, token.trim());
    return (await this.set(result, token.trim())) as SignInResult;
  }

  async signOut(): Promise<void> {
    await this.secrets.delete(TOKEN_KEY);
    await this.set(null, null);
  }

  private async set(result: SignInResult | null, token: string | null): Promise<SignInResult | null> {
    this.current = result?.ok && token ? { user: result.user, client: createHandoffClient(serverUrl(), token) } : null;
    await vscode.commands.executeCommand('setContext', 'handoff.signedIn', this.current !== null);
    this.changed.fire(this.user);
    return result;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in to Handoff');
    this.name = 'NotSignedInError';
  }
  static is(err: unknown): err is NotSignedInError {
    return err instanceof NotSignedInError;
  }
}
