// Runs one verification in a child process, so the Rust verifier's console output stays out of the
// parent's (it prints straight to the process's stdout). Options come in, the report goes back, over IPC.
// Only the child loads pact-js (./pact-verifier.ts): its hundred-odd modules cost every process that imports
// the contract layer half a second of start-up, every CLI command included.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { VerificationReport, PactVerifyOptions } from './pact-verifier.ts';

const SELF = fileURLToPath(import.meta.url);
/** The repository root: `--import tsx` resolves from the child's working directory. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Verifies in a child process; its console output is dropped unless `showOutput`. */
export function verifyPact(
  options: PactVerifyOptions,
  { showOutput = false, signal }: { showOutput?: boolean; signal?: AbortSignal } = {},
): Promise<VerificationReport> {
  return new Promise((resolve) => {
    const output = showOutput ? 'inherit' : 'ignore';
    const child = fork(SELF, [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', output, output, 'ipc'],
      // pact-js's proxy opens its own TLS connections: the extra CA must be in the process's trust store.
      env: { ...process.env, ...(options.tls?.caFile ? { NODE_EXTRA_CA_CERTS: options.tls.caFile } : {}) },
    });
    let report: VerificationReport | undefined;
    const stop = () => child.kill();
    signal?.addEventListener('abort', stop, { once: true });
    child.once('message', (message) => (report = message as VerificationReport));
    child.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      resolve(
        report ?? {
          ok: false,
          interactions: [],
          metLive: [],
          stateFailures: [],
          error: signal?.aborted
            ? 'the verification was interrupted'
            : `the verification process exited with code ${code} and no report`,
        },
      );
    });
    child.send(options);
  });
}

/** In the forked process: verifies what the parent sent, answers with the report, and exits. */
async function answer(options: PactVerifyOptions): Promise<void> {
  const { runPactVerifier } = await import('./pact-verifier.ts');
  const report = await runPactVerifier(options).catch((error: unknown) => ({
    ok: false,
    interactions: [],
    metLive: [],
    stateFailures: [],
    error: error instanceof Error ? error.message : String(error),
  }));
  process.send!(report, () => process.exit(0));
}

if (process.argv[1] === SELF && process.send) {
  process.once('message', (options) => void answer(options as PactVerifyOptions));
}
