// The official pact CLI's Rust verifier (@pact-foundation/pact-cli): an independent implementation of
// Pact, replaying the committed contract with states set through the target's state-change URL.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { COMMITTED_PACT } from './pact-files.ts';
import { PROVIDER_STATES_PATH } from './provider-states.ts';

export const PACT_CLI = fileURLToPath(
  new URL('../node_modules/@pact-foundation/pact-cli/bin/pact.js', import.meta.url),
);

/** Runs `pact verifier --file <contract>` against a base URL; resolves with its exit code and output. */
export function rustVerify(baseUrl: string): Promise<{ code: number | null; output: string }> {
  const { hostname, port } = new URL(baseUrl);
  const args = [
    'verifier',
    '--file',
    COMMITTED_PACT,
    '--hostname',
    hostname,
    '--port',
    port,
    '--state-change-url',
    `${baseUrl}${PROVIDER_STATES_PATH}`,
    '--no-colour',
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PACT_CLI, ...args], { env: { ...process.env, PACT_DO_NOT_TRACK: 'true' } });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => resolve({ code, output }));
  });
}
