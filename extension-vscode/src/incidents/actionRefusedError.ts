/**
 * An action the extension does not send, because the shared model refuses it (a missing reason,
 * another team's incident); the message is the reason, phrased for the person who tried.
 */
export class ActionRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionRefusedError';
  }
  static is(err: unknown): err is ActionRefusedError {
    return err instanceof ActionRefusedError;
  }
}
