// Routes a request to its action; every failure goes through reply.sendError.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, requireFormContentType } from './body.ts';
import type { AppContext } from './context.ts';
import { invalidRequest, methodNotAllowed, OAuthError, notFound, unsupportedMediaType } from './errors.ts';
import { parseForm } from './form.ts';
import { changeState } from './provider-states.ts';
import { requestPath } from './request-path.ts';
import { sendError, sendJson } from './reply.ts';

export const PROVIDER_STATES_PATH = '/_pact/provider-states';

export async function handle(req: IncomingMessage, res: ServerResponse, context: AppContext): Promise<void> {
  try {
    const path = requestPath(req);
    if (context.providerStates && path === PROVIDER_STATES_PATH) return await providerState(req, res, context);
    const action = context.routes[path];
    if (!action) throw notFound();
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    requireFormContentType(req);
    const form = parseForm(await readBody(req, context.bodyLimitBytes));
    sendJson(res, 200, await action(form, context));
  } catch (error) {
    // An unread body is drained so keep-alive works, except an oversized one: that connection is closed.
    if (error instanceof OAuthError && error.status === 413) res.setHeader('connection', 'close');
    else req.resume();
    sendError(res, error, context.onUnexpectedError);
  }
}

async function providerState(req: IncomingMessage, res: ServerResponse, context: AppContext): Promise<void> {
  if (req.method !== 'POST') throw methodNotAllowed('POST');
  if (!(req.headers['content-type'] ?? '').includes('json')) throw unsupportedMediaType();
  const raw = await readBody(req, context.bodyLimitBytes);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw invalidRequest('the provider-state body is not JSON');
  }
  sendJson(res, 200, changeState(body, context));
}
