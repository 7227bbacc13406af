// One request and its answer as the verifier saw it (probe.ts sends them; evidence.ts describes them).
import type { TokenPair } from '../schemas/validators.ts';

export interface Exchange {
  method: string;
  /** The full URL the request went to. */
  url: string;
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
  /** The body was cut at the size cap. */
  truncated: boolean;
  /** The body is a success body carrying a token: what must never happen on bad input. */
  issued: TokenPair | undefined;
  ms: number;
}
