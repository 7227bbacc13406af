import assert from 'node:assert/strict';
import { CONSUMER } from '../contracts/pact-files.ts';
import { DEFAULTS } from '../servers/reference/defaults.ts';
import { PACT_CAN_I_DEPLOY_SETTINGS } from './pact.ts';
import { readSettings } from './read.ts';
import { SERVE_SETTINGS } from './serve.ts';
import { SettingError } from './setting.ts';
import { VERIFY_SETTINGS } from './verify.ts';

describe('settings', () => {
  it('reads the flag first, then the variable, then an old alias, then the default', () => {
    const read = (env: Record<string, string>, flags = {}) => readSettings(VERIFY_SETTINGS, { env, flags }).timeoutMs;
    assert.equal(read({}), 5000);
    assert.equal(read({ TOKEN_SUITE_TIMEOUT_MS: '700' }), 700);
    assert.equal(read({ TOKEN_SUITE_TIMEOUT: '800', TOKEN_SUITE_TIMEOUT_MS: '700' }), 800);
    assert.equal(read({ TOKEN_SUITE_TIMEOUT: '800' }, { timeout: '900' }), 900);
  });

  it('says which name and which source a bad value came from, and never shows a secret', () => {
    assert.throws(
      () => readSettings(VERIFY_SETTINGS, { env: { TOKEN_SUITE_DURATION: '-5' } }),
      (error: Error) => {
        assert.ok(error instanceof SettingError);
        assert.equal(
          error.message,
          "TOKEN_SUITE_DURATION must be a whole number from 1 to 86400 (got '-5' from the environment).",
        );
        return true;
      },
    );
  });

  it('keeps the defaults it repeats equal to their sources', () => {
    const serve = readSettings(SERVE_SETTINGS, { env: {} });
    assert.deepEqual(
      [serve.maxTokens, serve.maxTokensPerUser, serve.scryptCost],
      [DEFAULTS.maxTokens, DEFAULTS.maxTokensPerUser, DEFAULTS.scryptCost],
    );
    assert.equal(readSettings(PACT_CAN_I_DEPLOY_SETTINGS, { env: {} }).pacticipant, CONSUMER);
  });
});
