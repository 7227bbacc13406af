// Bad input on the command line: one sentence saying what to fix, and exit code 2.
import { CannotRunError } from '../verify/errors.ts';

export class UsageError extends CannotRunError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
