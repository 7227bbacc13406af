// The `k6` module: check, group, sleep, fail.
import { emit } from './state.ts';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function check<T>(
  value: T,
  sets: Record<string, (value: T) => boolean>,
  tags: Record<string, string> = {},
): boolean {
  let all = true;
  for (const [name, fn] of Object.entries(sets)) {
    let ok = false;
    try {
      ok = Boolean(fn(value));
    } catch {
      ok = false;
    }
    emit('checks', 'rate', ok ? 1 : 0, { ...tags, check: name });
    all &&= ok;
  }
  return all;
}

export function group<T>(_name: string, fn: () => T): T {
  return fn();
}

export function sleep(seconds: number): void {
  Atomics.wait(sleeper, 0, 0, seconds * 1000);
}

export function fail(message?: string): never {
  throw new Error(message ?? 'fail() called');
}

export default { check, group, sleep, fail };
