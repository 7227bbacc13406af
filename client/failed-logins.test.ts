// Lockout-safe probing: which requests are failed logins on the configured account, the cap, and the lock.
import assert from 'node:assert/strict';
import { AccountLocked, FailedLogins, FailedLoginsSpent, loginKind } from './failed-logins.ts';

const credentials = { clientId: 'c1', username: 'alice@example.com', password: 's3cret' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const post = (fields: Record<string, string>, extra = '') => ({
  method: 'POST',
  url: 'http://h/v1/token',
  headers: FORM,
  body: new URLSearchParams(fields).toString() + extra,
});
const right = { grantType: 'password', ...credentials };

describe('client/failed-logins', () => {
  it('tells a wrong password on the configured username from the right login and from the rest', () => {
    assert.equal(loginKind(post(right), credentials), 'right');
    assert.equal(loginKind(post({ ...right, password: 'nope' }), credentials), 'wrong-password');
    assert.equal(loginKind(post({ ...right, password: '' }), credentials), 'wrong-password', 'empty counts');
    assert.equal(loginKind(post(right, '&password=x'), credentials), 'wrong-password', 'a second password counts');
    assert.equal(loginKind(post({ ...right, username: 'ghost@x.invalid', password: 'x' }), credentials), 'other');
    assert.equal(loginKind(post({ ...right, clientId: 'other' }), credentials), 'other');
    assert.equal(loginKind({ ...post(right), method: 'PUT' }, credentials), 'other');
    assert.equal(loginKind({ ...post(right), headers: { 'content-type': 'text/plain' } }, credentials), 'other');
  });

  it('admits at most 3 failed logins, then refuses to send one', () => {
    const ledger = new FailedLogins(credentials);
    for (let i = 0; i < 3; i += 1) ledger.admit('wrong-password');
    assert.throws(() => ledger.admit('wrong-password'), FailedLoginsSpent);
    ledger.admit('other');
    assert.equal(ledger.attempts, 3);
  });

  it('a right login refused after its own failed logins, having worked before, means locked: the run stops', () => {
    const ledger = new FailedLogins(credentials);
    ledger.observe('right', 200);
    ledger.admit('wrong-password');
    ledger.observe('right', 429); // throttling, not a lock
    assert.throws(() => ledger.observe('right', 400), AccountLocked);
    assert.match(
      ledger.locked ?? '',
      /^the account appears locked after 1 failed logins by this run: use a dedicated test account or exempt it/,
    );
    assert.throws(() => ledger.admit('other'), AccountLocked);
  });

  it('a right login refused before any failed login is no lock (the server judges it)', () => {
    const ledger = new FailedLogins(credentials);
    ledger.observe('right', 200);
    ledger.observe('right', 400);
    assert.equal(ledger.locked, undefined);
  });

  it('the ghost username cannot exist (RFC 2606 .invalid) and differs per run', () => {
    const a = new FailedLogins(credentials).ghost;
    assert.match(a, /@token-suite\.invalid$/);
    assert.notEqual(a, new FailedLogins(credentials).ghost);
  });
});
