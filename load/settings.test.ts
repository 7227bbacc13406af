// The Node engine's settings: defaults, env vars, overrides, and a clear error naming a bad variable.
import assert from 'node:assert/strict';
import {
  defaultWorkers,
  loosenedLoadSettings,
  parseLoadSettings,
  placementOf,
  DEFAULT_UNIQUE_CAPACITY,
} from './settings.ts';

describe('load engine settings', () => {
  it('defaults: 8 connections, closed model, every core for a remote target, 2,097,152 tokens compared', () => {
    const s = parseLoadSettings({});
    assert.equal(s.connections, 8);
    assert.equal(s.rate, 0);
    assert.equal(s.workers, defaultWorkers('remote'));
    assert.equal(s.uniqueCapacity, DEFAULT_UNIQUE_CAPACITY);
    assert.equal(s.timeoutMs, 10_000);
  });

  it(
    'leaves a server on this machine a core, the embedded one its event loop and scrypt threads; ' +
      'at least one worker',
    () => {
      assert.equal(defaultWorkers('remote', 2, {}), 2);
      assert.equal(defaultWorkers('local', 2, {}), 1);
      assert.equal(defaultWorkers('local', 8, {}), 7);
      assert.equal(defaultWorkers('embedded', 2, {}), 1);
      assert.equal(defaultWorkers('embedded', 8, {}), 3);
      assert.equal(defaultWorkers('embedded', 8, { UV_THREADPOOL_SIZE: '2' }), 5);
      assert.equal(parseLoadSettings({}, { server: 'embedded' }).workers, defaultWorkers('embedded'));
      assert.deepEqual(
        [
          'http://127.0.0.1:8080',
          'https://localhost',
          'http://[::1]:3000',
          'https://auth.example.com',
          'http://10.0.0.5',
        ].map(placementOf),
        ['local', 'local', 'local', 'remote', 'remote'],
      );
    },
  );

  it('reads TOKEN_SUITE_LOAD_RATE as flow starts per second (open model), workers and capacity from the env', () => {
    const s = parseLoadSettings({
      TOKEN_SUITE_LOAD_RATE: '40',
      TOKEN_SUITE_LOAD_WORKERS: '3',
      TOKEN_SUITE_LOAD_UNIQUE_CAPACITY: '1000',
    });
    assert.deepEqual([s.rate, s.workers, s.uniqueCapacity], [40, 3, 1000]);
    assert.equal(parseLoadSettings({ TOKEN_SUITE_LOAD_WORKERS: 'auto' }).workers, defaultWorkers('remote'));
  });

  it('lets overrides (flags, the verify target) win, ignoring unset ones', () => {
    const tls = { ca: 'PEM', rejectUnauthorized: false };
    const s = parseLoadSettings(
      { TOKEN_SUITE_LOAD_CONNECTIONS: '4' },
      { connections: undefined, rate: 5, timeoutMs: 300, tls },
    );
    assert.deepEqual([s.connections, s.rate, s.timeoutMs, s.tls], [4, 5, 300, tls]);
  });

  it('stops with a sentence naming the variable on a bad value', () => {
    assert.throws(
      () => parseLoadSettings({ TOKEN_SUITE_LOAD_WORKERS: 'many' }),
      /TOKEN_SUITE_LOAD_WORKERS must be a positive whole number \(got 'many'\)/,
    );
    assert.throws(
      () => parseLoadSettings({ TOKEN_SUITE_LOAD_UNIQUE_CAPACITY: '0' }),
      /TOKEN_SUITE_LOAD_UNIQUE_CAPACITY must be a positive/,
    );
    assert.throws(
      () => parseLoadSettings({ TOKEN_SUITE_LOAD_UNIQUE_CAPACITY: '999999999999' }),
      /must be at most 134217728/,
    );
    assert.throws(
      () => parseLoadSettings({ TOKEN_SUITE_LOAD_RATE: '-1' }),
      /TOKEN_SUITE_LOAD_RATE must be a number >= 0/,
    );
  });
});

describe('load thresholds: bounds and what they loosen', () => {
  it('refuses thresholds a server could never fail, naming the bound (exit 2 in verify)', () => {
    assert.throws(
      () => parseLoadSettings({ TOKEN_SUITE_LOAD_MAX_ERROR_RATE: '1' }),
      /TOKEN_SUITE_LOAD_MAX_ERROR_RATE must be below 0.5 \(got '1'\)/,
    );
    assert.throws(
      () => parseLoadSettings({ TOKEN_SUITE_LOAD_DEGRADATION_FACTOR: '1000' }),
      /TOKEN_SUITE_LOAD_DEGRADATION_FACTOR must be at most 10/,
    );
    assert.throws(
      () => parseLoadSettings({ TOKEN_SUITE_LOAD_P95_TOKEN_MS: '5000' }, { timeoutMs: 5000 }),
      /TOKEN_SUITE_LOAD_P95_TOKEN_MS must be below the per-request timeout \(--timeout 5000 ms\)/,
    );
    assert.throws(
      () => parseLoadSettings({}, { timeoutMs: 5000, thresholds: { p95RefreshMs: 9000 } }),
      /TOKEN_SUITE_LOAD_P95_REFRESH_MS must be below/,
    );
    const s = parseLoadSettings({ TOKEN_SUITE_LOAD_MAX_ERROR_RATE: '0.49', TOKEN_SUITE_LOAD_DEGRADATION_FACTOR: '10' });
    assert.deepEqual([s.thresholds.maxErrorRate, s.thresholds.degradationFactor], [0.49, 10]);
  });

  it('lets default p95 thresholds follow a short --timeout down instead of refusing them', () => {
    const s = parseLoadSettings({}, { timeoutMs: 300 });
    assert.deepEqual([s.thresholds.p95TokenMs, s.thresholds.p95RefreshMs], [299, 299]);
  });

  it('lists the settings that loosened a requirement, with their defaults; none by default', () => {
    assert.deepEqual(loosenedLoadSettings(parseLoadSettings({})), []);
    const loose = loosenedLoadSettings(
      parseLoadSettings({
        TOKEN_SUITE_LOAD_MAX_ERROR_RATE: '0.2',
        TOKEN_SUITE_LOAD_P95_TOKEN_MS: '500',
        TOKEN_SUITE_ROTATION_GRACE_SECONDS: '2',
      }),
    );
    assert.deepEqual(
      loose.map((l) => [l.setting, l.value, l.default]),
      [
        ['TOKEN_SUITE_LOAD_MAX_ERROR_RATE', 0.2, 0.01],
        ['--rotation-grace (TOKEN_SUITE_ROTATION_GRACE)', 2, 0],
      ],
    );
    assert.match(loose[0]!.loosens, /LOAD-01/);
    assert.match(loose[1]!.loosens, /LOAD-04/);
  });
});
