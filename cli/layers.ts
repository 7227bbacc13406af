// The layers `verify` can run, in the order they run.
import { contractLayer } from '../contracts/layer.ts';
import { loadLayer } from '../load/layer.ts';
import { conformanceLayer } from '../conformance/layer.ts';
import type { Layer, LayerName } from '../verdict/types.ts';

export const LAYERS: Record<LayerName, () => Layer> = {
  conformance: () => conformanceLayer(),
  contract: () => contractLayer,
  load: () => loadLayer,
};
