import type { Mutant } from '../types.ts';

export const noRotation: Mutant = {
  name: 'no-rotation',
  category: 'rotation',
  defect: 'The refresh endpoint answers with the refresh token it was given, which keeps working forever.',
  violates: [
    'conformance:REFRESH-02',
    'conformance:REFRESH-03',
    'conformance:REFRESH-04',
    'conformance:REFRESH-08',
    'conformance:TOKEN-12',
    'load:LOAD-03',
    'load:LOAD-04',
  ],
  expected: 'fail',
  extend({ store }) {
    const rotate = store.rotate.bind(store);
    const live = new Map<string, string>(); // the token the client keeps → the store's current one
    store.rotate = (token) => {
      const rotation = rotate(live.get(token) ?? token);
      if (rotation.outcome !== 'rotated') return rotation;
      live.set(token, rotation.refreshToken);
      return { ...rotation, refreshToken: token };
    };
  },
};
