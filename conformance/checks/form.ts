// The application/x-www-form-urlencoded body of a request, as the checks send it.
export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
