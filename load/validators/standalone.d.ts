// Types of the generated standalone validators (see generate.ts). ajv's standalone functions
// return a boolean and leave their errors on the function itself.
export interface StandaloneError {
  instancePath: string;
  message?: string;
}
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: StandaloneError[] | null;
}
export declare const validateTokenResponse: StandaloneValidator;
export declare const validateOpaqueTokenResponse: StandaloneValidator;
