import { createHash } from 'node:crypto';
import type { Mutant } from '../types.ts';

interface Row {
  token: string;
  clientId: string;
  username: string;
  issuedAt: number;
}

export const jsonSnapshotStore: Mutant = {
  name: 'json-snapshot-store',
  category: 'load',
  defect:
    'Every refresh re-serialises and checksums the whole table of tokens ever issued ("crash-safe snapshot"), ' +
    'so latency grows with tokens issued.',
  violates: ['load:LOAD-06 (window p95 and p50 of the last third vs the first)'],
  expected: 'fail',
  extend({ store }) {
    const issue = store.issue.bind(store);
    const rotate = store.rotate.bind(store);
    const table: Row[] = [];
    const snapshot = { checksum: '', bytes: 0 }; // "written to disk"
    store.issue = (clientId, username) => {
      const token = issue(clientId, username);
      table.push({ token, clientId, username, issuedAt: Date.now() });
      return token;
    };
    store.rotate = (token) => {
      const rotation = rotate(token);
      if (rotation.outcome !== 'rotated') return rotation;
      const { clientId, username } = rotation.family;
      table.push({ token: rotation.refreshToken, clientId, username, issuedAt: Date.now() });
      const json = JSON.stringify(table);
      snapshot.checksum = createHash('sha256').update(json).digest('hex');
      snapshot.bytes = json.length;
      return rotation;
    };
  },
};
