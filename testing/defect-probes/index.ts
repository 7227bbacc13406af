// Every probe, one or more per mutant: the requirement it breaks and how to observe the break over HTTP.
import { INPUT_PROBES } from './input.ts';
import { LOAD_PROBES } from './load.ts';
import { ROTATION_PROBES } from './rotation.ts';
import { SHAPE_PROBES } from './shape.ts';
import { TOKEN_PROBES } from './tokens.ts';
import type { DefectProbe } from './types.ts';

export type { DefectProbe } from './types.ts';

export const PROBES: readonly DefectProbe[] = [
  ...SHAPE_PROBES,
  ...TOKEN_PROBES,
  ...ROTATION_PROBES,
  ...INPUT_PROBES,
  ...LOAD_PROBES,
];
