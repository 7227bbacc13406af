// Compiles the JSON Schemas once and exports typed validators.
// A failed validation carries ajv's structured errors plus one readable sentence.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import tokenResponse from './token-response.schema.json' with { type: 'json' };
import opaqueTokenResponse from './opaque-token-response.schema.json' with { type: 'json' };
import errorResponse from './error-response.schema.json' with { type: 'json' };
import summary from './summary.schema.json' with { type: 'json' };

export interface TokenPair {
  token: string;
  refreshToken: string;
  expiresIn: number;
}
export interface ErrorBody {
  error: string;
  error_description?: string;
  error_uri?: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: ErrorObject[]; message: string };

export type Validator<T> = ((data: unknown) => Validation<T>) & { schemaId: string };

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);

/** One sentence a person can read, e.g. "token response: /expiresIn must be integer; /token must match pattern". */
function describeErrors(subject: string, errors: readonly ErrorObject[]): string {
  const parts = errors.map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  return `${subject}: ${parts.join('; ')}`;
}

function compile<T>(schema: { $id: string; title: string }): Validator<T> {
  const fn: ValidateFunction = ajv.compile(schema);
  const subject = schema.title.replace(/ \(.*\)$/, '').toLowerCase();
  const validate = (data: unknown): Validation<T> =>
    fn(data)
      ? { ok: true, value: data as T }
      : { ok: false, errors: [...(fn.errors ?? [])], message: describeErrors(subject, fn.errors ?? []) };
  return Object.assign(validate, { schemaId: schema.$id });
}

export const validateTokenResponse = compile<TokenPair>(tokenResponse);
export const validateOpaqueTokenResponse = compile<TokenPair>(opaqueTokenResponse);
export const validateErrorResponse = compile<ErrorBody>(errorResponse);

export const validateSummary = compile<unknown>(summary);
