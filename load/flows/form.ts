// application/x-www-form-urlencoded without URLSearchParams (k6's runtime has none).
export function encodeForm(fields: Record<string, string>): string {
  return Object.keys(fields)
    .map((name) => `${encode(name)}=${encode(fields[name] as string)}`)
    .join('&');
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}
