// Between layers, after the run's own failed logins: one login with the right credentials. When the account
// has locked (the right password refused after it worked), the ledger records it and the layers after this
// point do not run: they would fail on the lock, which is no failure of the server's.
import { AccountLocked } from '../client/failed-logins.ts';
import { Probe } from '../conformance/probe.ts';
import type { LayerContext } from '../verdict/types.ts';

/** The lock sentence when the account appears locked, else undefined (any other outcome: the layers judge it). */
export async function lockoutCheck(context: LayerContext): Promise<string | undefined> {
  const { guards } = context;
  if (!guards || guards.logins.locked || guards.logins.attempts === 0) return guards?.logins.locked;
  const probe = new Probe(context.target, context.signal, undefined, guards);
  try {
    await probe.login();
  } catch (error) {
    if (!(error instanceof AccountLocked)) return undefined;
  } finally {
    for (const token of probe.tokens.keys()) context.secrets?.addToken(token);
    probe.close();
  }
  return guards.logins.locked;
}
