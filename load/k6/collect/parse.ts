// Reads what a runner sent: a BatchMessage or a DoneMessage of the expected shape and sizes, or the reason
// it is not one (a sentence for the collector's log). Nothing from the network is trusted: every field is
// checked for type and bound before the merge sees it.
import { TALLIES, VIOLATIONS } from '../../flows/rotation.ts';
import type { BatchMessage, DoneMessage } from './wire.ts';

/** Per batch: more than one iteration ever issues or sends is not a batch the VU side makes. */
const MAX_ITEMS = 10_000;
const MAX_CHECKS = 64;
const MAX_TEXT = 200;
const SEGMENT = /^(0|1|\d{1,6}\/\d{1,6}):(0|1|\d{1,6}\/\d{1,6})$/;

export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const isText = (s: unknown, max = MAX_TEXT): s is string => typeof s === 'string' && s.length <= max;

function objectOf(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  return value as Record<string, unknown>;
}

/** The fields every message carries: run, runner (an execution segment) and nonce. */
function identityProblem(o: Record<string, unknown>): string | null {
  if (!isText(o.run, 100)) return 'run is not a string of at most 100 characters';
  if (!isText(o.runner, 32) || !SEGMENT.test(o.runner)) return 'runner is not an execution segment';
  if (!isText(o.nonce, 40) || o.nonce === '') return 'nonce is not a short string';
  return null;
}

function countsProblem(value: unknown, length: number, name: string): string | null {
  if (!Array.isArray(value) || value.length !== length || !value.every(isCount))
    return `${name} is not ${length} counts`;
  return null;
}

export function parseBatch(text: string): Parsed<BatchMessage> {
  const o = objectOf(text);
  if (typeof o === 'string') return fail(o);
  const problem =
    identityProblem(o) ??
    (typeof o.vu === 'number' && Number.isSafeInteger(o.vu) && o.vu > 0 ? null : 'vu is not a positive integer') ??
    (Array.isArray(o.digests) &&
    o.digests.length <= MAX_ITEMS &&
    o.digests.every((d) => typeof d === 'string' && /^[0-9a-f]{16}$/.test(d))
      ? null
      : 'digests are not up to 10,000 strings of 16 hex digits') ??
    (Array.isArray(o.answers) && o.answers.length <= MAX_ITEMS && o.answers.every(isAnswer)
      ? null
      : 'answers are not up to 10,000 [endpoint, epoch ms, duration ms, 0/1/429/503]') ??
    countsProblem(o.tallies, TALLIES.length, 'tallies') ??
    countsProblem(o.violations, VIOLATIONS.length, 'violations') ??
    (Array.isArray(o.checks) && o.checks.length <= MAX_CHECKS && o.checks.every(isCheck)
      ? null
      : 'checks are not up to 64 [name, passes, fails]');
  return problem ? fail(problem) : { ok: true, message: o as unknown as BatchMessage };
}

function isAnswer(a: unknown): boolean {
  if (!Array.isArray(a) || a.length !== 4) return false;
  const [code, at, ms, ok] = a as unknown[];
  return (
    (code === 0 || code === 1) &&
    typeof at === 'number' &&
    Number.isFinite(at) &&
    at > 0 &&
    typeof ms === 'number' &&
    Number.isFinite(ms) &&
    ms >= -1 && // -1: the request got no HTTP answer (a timeout, a reset)
    (ok === 0 || ok === 1 || ok === 429 || ok === 503)
  );
}

function isCheck(c: unknown): boolean {
  return Array.isArray(c) && c.length === 3 && isText(c[0]) && isCount(c[1]) && isCount(c[2]);
}

export function parseDone(text: string): Parsed<DoneMessage> {
  const o = objectOf(text);
  if (typeof o === 'string') return fail(o);
  const problem =
    identityProblem(o) ??
    (['batches', 'batchesFailed', 'iterations', 'flowsStarted', 'flowsEnded'].every((k) => isCount(o[k]))
      ? null
      : 'batches, batchesFailed, iterations, flowsStarted and flowsEnded are not counts') ??
    (typeof o.durationMs === 'number' && Number.isFinite(o.durationMs) && o.durationMs >= 0
      ? null
      : 'durationMs is not a duration') ??
    (isText(o.profile) && isText(o.baseUrl, 2000) ? null : 'profile or baseUrl is not a string') ??
    (Array.isArray(o.thresholdsFailed) &&
    o.thresholdsFailed.length <= MAX_CHECKS &&
    o.thresholdsFailed.every((t) => isText(t))
      ? null
      : 'thresholdsFailed is not a list of strings');
  return problem ? fail(problem) : { ok: true, message: o as unknown as DoneMessage };
}
