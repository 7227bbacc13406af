// The suite could not run or could not judge (exit 2): bad settings, an unreachable target, a
// configuration mistake. The message is one sentence that says what to fix.
export class CannotRunError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'CannotRunError';
  }
}
