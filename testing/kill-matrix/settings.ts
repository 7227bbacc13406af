// The settings of the kill matrix (npm run kill-matrix, and its test): which layers run against every
// server, and for how long the load layer runs in the main matrix and in the k6 column.
import { BadValue, integer, type Setting } from '../../settings/setting.ts';
import { LAYER_NAMES, type LayerName } from '../../settings/verify.ts';

const setting = <T>(s: Setting<T>) => s;

function layers(raw: string): LayerName[] {
  const names = raw.split(',').map((n) => n.trim());
  if (!names.every((n) => (LAYER_NAMES as readonly string[]).includes(n))) {
    throw new BadValue(`a comma-separated list of ${LAYER_NAMES.join(', ')}`);
  }
  return LAYER_NAMES.filter((n) => names.includes(n));
}

export const KILL_MATRIX_SETTINGS = {
  layers: setting<LayerName[]>({
    env: 'TOKEN_SUITE_MATRIX_LAYERS',
    fallback: [...LAYER_NAMES],
    help: 'the layers run against every server',
    parse: layers,
  }),
  durationSeconds: setting({
    env: 'TOKEN_SUITE_MATRIX_DURATION',
    fallback: 3,
    help: 'seconds of load per server (3 s is the least LOAD-06 judges)',
    parse: integer(1, 600),
  }),
  k6DurationSeconds: setting({
    env: 'TOKEN_SUITE_MATRIX_K6_DURATION',
    fallback: 6,
    help:
      'seconds of load per engine in the k6 column (k6 sends fewer requests per second on two shared cores, ' +
      'so a server that degrades as it fills up needs longer to show it)',
    parse: integer(1, 600),
  }),
};
