import type { Family } from '../../reference/refresh-store.ts';
import type { Mutant } from '../types.ts';

export const replayAccepted: Mutant = {
  name: 'replay-accepted',
  category: 'replay',
  defect: 'Rotation issues a new refresh token but never invalidates the one presented, so a used token still works.',
  violates: [
    'conformance:REFRESH-03',
    'conformance:REFRESH-04',
    'contract:PACT-02 (the used-token interaction, SHOULD)',
    'load:LOAD-03',
    'load:LOAD-04',
  ],
  expected: 'fail',
  extend({ store }) {
    const rotate = store.rotate.bind(store);
    const spent = new Map<string, Family>();
    store.rotate = (token) => {
      const family = spent.get(token);
      if (family) return { outcome: 'rotated', family, refreshToken: store.issue(family.clientId, family.username) };
      const rotation = rotate(token);
      if (rotation.outcome === 'rotated') spent.set(token, rotation.family);
      return rotation;
    };
  },
};
