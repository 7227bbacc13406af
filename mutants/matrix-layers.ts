// Which layers the kill matrix runs, and for how long the load layer hammers each server.
import { LAYERS } from '../cli/layers.ts';
import type { Layer, LayerName } from '../verify/types.ts';

export const MATRIX_LAYERS: LayerName[] = (process.env.TOKEN_SUITE_MATRIX_LAYERS ?? 'conformance,contract,load').split(
  ',',
) as LayerName[];
export const MATRIX_DURATION_SECONDS = Number(process.env.TOKEN_SUITE_MATRIX_DURATION ?? 3);

export const matrixLayers = (): Layer[] => MATRIX_LAYERS.map((name) => LAYERS[name]());
