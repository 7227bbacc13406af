// The run as a whole has a deadline, so that no target (a drip-feeding one, say) can keep the suite busy
// forever: generous budgets per selected layer, derived from the settings, or TOKEN_SUITE_RUN_DEADLINE.
// Past it the layers stop, and what they could not judge is inconclusive.
import type { VerifySettings } from '../settings/verify.ts';

export interface RunDeadline {
  seconds: number;
  /** Aborted when the user interrupts or the deadline passes. */
  signal: AbortSignal;
  expired: () => boolean;
  clear: () => void;
}

/** Seconds each layer may take at most: far above a normal run, low enough to end a hostile one. */
export function deadlineSeconds(
  settings: Pick<
    VerifySettings,
    'only' | 'timeoutMs' | 'durationSeconds' | 'runDeadlineSeconds' | 'throttleBudgetSeconds'
  > &
    Partial<Pick<VerifySettings, 'maxDurationSeconds'>> &
    Partial<
      Pick<
        VerifySettings,
        | 'findCapacity'
        | 'capacityStart'
        | 'capacityStep'
        | 'capacityMax'
        | 'capacityStepSeconds'
        | 'runners'
        | 'waitForSeconds'
      >
    >,
): number {
  if (settings.runDeadlineSeconds > 0) return settings.runDeadlineSeconds;
  const timeout = settings.timeoutMs / 1000;
  const budgets = {
    conformance: 300 + 20 * timeout,
    contract: 120 + 10 * timeout,
    // Each further k6 runner (verify --runners) is one more k6 to start and to end. A load short of its
    // minimums may take up to --max-duration more (the Node engine goes on to it; k6 runs once more, up to it).
    load: settings.findCapacity
      ? capacityBudget(settings, timeout)
      : settings.durationSeconds + extensionBudget(settings) + 60 + 30 * ((settings.runners ?? 1) - 1) + 2 * timeout,
  };
  // Waiting out throttled answers is not the target hanging: the run's wait budget comes on top, and so does
  // --wait-for (a server still starting).
  const waits = settings.throttleBudgetSeconds + (settings.waitForSeconds ?? 0);
  return Math.ceil(2 * timeout + waits + settings.only.reduce((sum, layer) => sum + budgets[layer], 0));
}

export function runDeadline(settings: Parameters<typeof deadlineSeconds>[0], interrupt?: AbortSignal): RunDeadline {
  const seconds = deadlineSeconds(settings);
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error(`the run's deadline of ${seconds} s passed`));
  }, seconds * 1000);
  timer.unref();
  const onInterrupt = () => controller.abort(interrupt?.reason);
  if (interrupt?.aborted) onInterrupt();
  interrupt?.addEventListener('abort', onInterrupt, { once: true });
  return {
    seconds,
    signal: controller.signal,
    expired: () => expired,
    clear: () => {
      clearTimeout(timer);
      interrupt?.removeEventListener('abort', onInterrupt);
    },
  };
}

/** The longest a load short of its minimums may add: a second k6 run as long as the bound. */
function extensionBudget(settings: Parameters<typeof deadlineSeconds>[0]): number {
  const bound = settings.maxDurationSeconds ?? 0;
  return bound > settings.durationSeconds ? bound + 30 : 0;
}

/** A capacity search: every step it may run (the ramp and two halvings), each with a normal load's margin. */
function capacityBudget(settings: Parameters<typeof deadlineSeconds>[0], timeout: number): number {
  const { capacityStart = 5, capacityStep = 5, capacityMax = 500, capacityStepSeconds = 10 } = settings;
  const steps = Math.max(1, Math.ceil((capacityMax - capacityStart) / capacityStep) + 1) + 2;
  return steps * (capacityStepSeconds + 60 + 2 * timeout);
}
