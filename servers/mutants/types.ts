// What a mutant is: one deliberate defect in the reference server, switched on by name (tests and
// `serve --mutant` only).
import type { RequestListener } from 'node:http';
import type { AppContext } from '../reference/index.ts';

export type Category =
  | 'response-shape'
  | 'token-format'
  | 'rotation'
  | 'replay'
  | 'race'
  | 'auth-bypass'
  | 'input'
  | 'leakage'
  | 'headers'
  | 'load';

export interface Mutant {
  name: string;
  category: Category;
  /** The defect, in one sentence. */
  defect: string;
  /** The requirements that should catch it, as `layer:keyword` (see README.md). */
  violates: string[];
  /** 'fail': a MUST requirement breaks (verify exits 1). 'warn': only a SHOULD breaks (a warning, exit 0). */
  expected: 'fail' | 'warn';
  /** Changes the server's context before it starts: actions, store, directory, token generator. */
  extend: (context: AppContext) => void;
  /**
   * Defects below the actions (form parsing, content types, methods, response headers) cannot be
   * reached through the context: these mutants replace the request listener instead.
   */
  listener?: (context: AppContext) => RequestListener;
}

/** A no-op `extend`, for mutants that only replace the request listener. */
export const unchanged = (): void => undefined;
