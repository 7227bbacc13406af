// The layers of one run: a layer that crashes is SUITE-01 (inconclusive, the suite's error), and what it
// judged before the crash stands beside it; a failure found before the crash stays a failure.
import assert from 'node:assert/strict';
import { runLayers } from './run-layers.ts';
import type { Layer, LayerContext, RequirementResult } from '../verdict/types.ts';

const judged = (id: string, status: RequirementResult['status']): RequirementResult => ({
  id,
  title: id,
  level: 'MUST',
  status,
  source: 'test',
  evidence: [`${status} on purpose`],
  layer: 'conformance',
});

const context = (): LayerContext => ({
  target: {
    baseUrl: 'http://127.0.0.1:9',
    credentials: { clientId: 'c', username: 'u', password: 'p' },
    timeoutMs: 1000,
    rotationGraceSeconds: 0,
    embedded: false,
  },
  reportDir: '',
  durationSeconds: 1,
  engine: 'node',
  log: () => undefined,
  signal: new AbortController().signal,
});

describe('runLayers: a layer that crashes', () => {
  it('keeps what it judged before the crash (a failure stays a failure) and adds SUITE-01', async () => {
    const crashing: Layer = {
      name: 'conformance',
      run(ctx) {
        ctx.judged?.(judged('TOKEN-01', 'fail'));
        ctx.judged?.(judged('TOKEN-02', 'pass'));
        return Promise.reject(new Error('a bug in the suite'));
      },
    };
    const next: Layer = { name: 'contract', run: () => Promise.resolve({ requirements: [judged('PACT-01', 'pass')] }) };
    const { requirements } = await runLayers([crashing, next], context());
    assert.deepEqual(
      requirements.map((r) => `${r.id} ${r.status}`),
      ['TOKEN-01 fail', 'TOKEN-02 pass', 'SUITE-01 inconclusive', 'PACT-01 pass'],
    );
    assert.match(requirements[2]?.evidence.join('\n') ?? '', /the conformance layer crashed .*a bug in the suite/);
  });

  it('a layer that ends normally: its returned requirements, not the ones it handed over', async () => {
    const layer: Layer = {
      name: 'conformance',
      run(ctx) {
        ctx.judged?.(judged('TOKEN-01', 'pass'));
        return Promise.resolve({ requirements: [judged('TOKEN-01', 'pass'), judged('TOKEN-02', 'warn')] });
      },
    };
    const { requirements } = await runLayers([layer], context());
    assert.deepEqual(
      requirements.map((r) => `${r.id} ${r.status}`),
      ['TOKEN-01 pass', 'TOKEN-02 warn'],
    );
  });
});
