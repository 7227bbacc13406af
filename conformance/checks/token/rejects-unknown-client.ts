import { rejectsEvery } from './rejections.ts';

export const rejectsUnknownClient = rejectsEvery(
  'TOKEN-05',
  'An unknown clientId is rejected with a 4xx and no token',
  [
    ['unknown clientId', { clientId: '00000000-0000-4000-8000-000000000000' }],
    ['empty clientId', { clientId: '' }],
    ['missing clientId', { clientId: undefined }],
  ],
);
