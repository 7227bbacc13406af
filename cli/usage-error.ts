// Bad input on the command line: one sentence saying what to fix, and exit code 2.
import { CannotRunError } from '../verdict/errors.ts';

export class UsageError extends CannotRunError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A check's typed error value (or undefined) as a usage error: one sentence, exit 2. */
export function rejectInvalid(invalid: Error | undefined): void {
  if (invalid) throw new UsageError(invalid.message);
}
