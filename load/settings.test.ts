// The Node engine's settings: defaults, env vars, overrides, and a clear error naming a bad variable.
import assert from 'node:assert/strict';
import { defaultWorkers, parseLoadSettings, placementOf, DEFAULT_UNIQUE_CAPACITY } from './settings.ts';

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
