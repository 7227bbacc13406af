// The layers `verify` can run, in the order they run.
import { conformanceLayer } from './conformance-layer.ts';
import type { Layer, LayerName } from './types.ts';

export const LAYERS: Record<LayerName, () => Layer> = {
  conformance: () => conformanceLayer(),
  contract: () => unavailable('contract'),
  load: () => unavailable('load'),
};

function unavailable(name: LayerName): Layer {
  return {
    name,
    run: async () => {
      throw new Error(`the ${name} layer is not built yet`);
    },
  };
}
