// Test fixture: a stand-in for a Pact Broker that records every request the pact CLI sends and
// answers just enough HAL for publish, can-i-deploy and verification (pacts for verification,
// result publishing). It is not a broker: nothing is stored or judged.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { close, listen } from '../servers/reference/index.ts';

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Recorder {
  url: string;
  requests: Recorded[];
  stop: () => Promise<void>;
}

/** `pactFile` is what the broker hands out for verification; `deployable` is can-i-deploy's answer. */
export async function startBrokerRecorder(pactFile: string, deployable = true): Promise<Recorder> {
  const requests: Recorded[] = [];
  let base = '';
  const answers: Record<string, () => unknown> = {
    'GET /': () => ({
      _links: {
        'pb:publish-contracts': { href: `${base}/contracts/publish` },
        'pb:provider-pacts-for-verification': {
          href: `${base}/pacts/provider/{provider}/for-verification`,
          templated: true,
        },
      },
    }),
    'POST /contracts/publish': () => ({
      notices: [{ type: 'success', text: 'recorded' }],
      _links: {},
      _embedded: { pacticipant: { name: 'recorded', _links: {} }, version: { number: 'recorded', _links: {} } },
    }),
    'GET /pacts/provider/echon-token-api/for-verification': () => ({
      _links: { self: { href: `${base}/pacts/provider/echon-token-api/for-verification` } },
    }),
    'POST /pacts/provider/echon-token-api/for-verification': () => ({
      _embedded: {
        pacts: [
          {
            shortDescription: 'recorded',
            verificationProperties: { notices: [] },
            _links: { self: { href: `${base}/pacts/recorded`, name: 'recorded' } },
          },
        ],
      },
      _links: {},
    }),
    'GET /pacts/recorded': () => ({
      ...(JSON.parse(readFileSync(pactFile, 'utf8')) as Record<string, unknown>),
      _links: {
        'pb:publish-verification-results': { href: `${base}/pacts/recorded/verification-results` },
        'pb:provider': { href: `${base}/pacticipants/echon-token-api` },
      },
    }),
    'GET /pacticipants/echon-token-api': () => ({
      _links: {
        'pb:branch-version': {
          href: `${base}/pacticipants/echon-token-api/branches/{branch}/versions/{version}`,
          templated: true,
        },
        'pb:version-tag': {
          href: `${base}/pacticipants/echon-token-api/versions/{version}/tags/{tag}`,
          templated: true,
        },
      },
    }),
    'POST /pacts/recorded/verification-results': () => ({ _links: {} }),
    'GET /matrix': () => ({
      summary: {
        deployable,
        reason: 'recorded answer',
        success: deployable ? 1 : 0,
        failed: deployable ? 0 : 1,
        unknown: 0,
      },
      matrix: [],
      notices: [],
    }),
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, headers: req.headers, body });
      // Branch and tag PUTs carry the version in the path: all of them are simply acknowledged.
      const answer = req.method === 'PUT' ? () => ({ _links: {} }) : answers[`${req.method} ${url.pathname}`];
      res
        .writeHead(answer !== undefined ? 200 : 404, { 'content-type': 'application/hal+json' })
        .end(JSON.stringify(answer !== undefined ? answer() : { error: 'not recorded' }));
    });
  });
  base = await listen(server);
  return { url: base, requests, stop: () => close(server) };
}
