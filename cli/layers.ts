// The layers `verify` can run, in the order they run.
import { contractLayer } from '../contracts/layer.ts';
import { loadLayer } from '../load/layer.ts';
import { conformanceLayer } from '../verify/conformance-layer.ts';
import type { Layer, LayerName } from '../verify/types.ts';

export const LAYERS: Record<LayerName, () => Layer> = {
  conformance: () => conformanceLayer(),
  contract: () => contractLayer,
  load: () => loadLayer,
};
