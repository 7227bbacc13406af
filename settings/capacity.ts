// The capacity search's settings (`verify --find-capacity`): the open-model rate ramps from a start by a step
// up to a bound, each step for a fixed length; part of verify's settings (settings/verify.ts spreads them in).
import { decimal, flag, integer, type Setting } from './setting.ts';

const setting = <T>(s: Setting<T>) => s;

export const CAPACITY_SETTINGS = {
  findCapacity: setting({
    flag: 'find-capacity',
    env: 'TOKEN_SUITE_FIND_CAPACITY',
    boolean: true,
    fallback: false,
    help:
      'load: ramp the open-model rate step by step and report the highest rate at which no load ' +
      "requirement fails and nothing is dropped (the server's capacity), and the rate at which each first broke",
    parse: flag,
  }),
  capacityStart: setting({
    flag: 'capacity-start',
    env: 'TOKEN_SUITE_CAPACITY_START',
    placeholder: 'N',
    fallback: 5,
    help: 'capacity search: the first rate tried, in flow starts per second',
    parse: decimal(0.1, 1_000_000),
  }),
  capacityStep: setting({
    flag: 'capacity-step',
    env: 'TOKEN_SUITE_CAPACITY_STEP',
    placeholder: 'N',
    fallback: 5,
    help: 'capacity search: flows/s added at each step (after the first break, the gap is halved twice)',
    parse: decimal(0.1, 1_000_000),
  }),
  capacityMax: setting({
    flag: 'capacity-max',
    env: 'TOKEN_SUITE_CAPACITY_MAX',
    placeholder: 'N',
    fallback: 500,
    help: 'capacity search: the highest rate tried (flows/s); a server that holds it is reported as at least that',
    parse: decimal(0.1, 1_000_000),
  }),
  capacityStepSeconds: setting({
    flag: 'capacity-step-seconds',
    env: 'TOKEN_SUITE_CAPACITY_STEP_SECONDS',
    placeholder: 'S',
    fallback: 10,
    help: 'capacity search: the length of each step in seconds (LOAD-06 needs 3 s at the least)',
    parse: integer(3, 3600),
  }),
};
