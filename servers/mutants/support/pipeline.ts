// A copy of servers/reference/app.ts handle() with its HTTP-level steps as hooks, so a mutant can swap exactly one.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AppContext } from '../../reference/index.ts';
import { readBody, requireFormContentType } from '../../reference/body.ts';
import { handle } from '../../reference/app.ts';
import { methodNotAllowed, OAuthError } from '../../reference/errors.ts';
import { parseForm, type Form } from '../../reference/form.ts';
import { sendError, sendJson } from '../../reference/reply.ts';

export interface Steps {
  /** The raw form text of the request: checks method and content type, reads the body. */
  input: (req: IncomingMessage, url: URL, context: AppContext) => Promise<string>;
  parse: (body: string) => Form;
}

export const referenceInput: Steps['input'] = async (req, _url, context) => {
  if (req.method !== 'POST') throw methodNotAllowed('POST');
  requireFormContentType(req);
  return readBody(req, context.bodyLimitBytes);
};

export function pipeline(context: AppContext, steps: Partial<Steps>): RequestListener {
  const { input, parse } = { input: referenceInput, parse: parseForm, ...steps };
  return (req, res) => {
    const target = req.url ?? '/';
    const url = URL.canParse(target, 'http://x') ? new URL(target, 'http://x') : undefined;
    const action = url && context.routes[url.pathname];
    if (!url || !action) return void handle(req, res, context); // provider states, 404, bad targets (400)
    void (async () => {
      try {
        sendJson(res, 200, await action(parse(await input(req, url, context)), context));
      } catch (error) {
        if (error instanceof OAuthError && error.status === 413) res.setHeader('connection', 'close');
        else req.resume();
        sendError(res, error, context.onUnexpectedError);
      }
    })();
  };
}

/** The reference listener, with every response's status and headers passed through `rewrite` first. */
export function rewriteHeads(
  context: AppContext,
  rewrite: (status: number, headers: Record<string, string | number>) => [number, Record<string, string | number>],
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const writeHead = res.writeHead.bind(res) as (
      status: number,
      headers: Record<string, string | number>,
    ) => ServerResponse;
    res.writeHead = ((status: number, headers: Record<string, string | number> = {}) =>
      writeHead(...rewrite(status, { ...headers }))) as typeof res.writeHead;
    void handle(req, res, context);
  };
}
