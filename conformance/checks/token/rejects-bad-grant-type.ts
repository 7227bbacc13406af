import { rejectsEvery } from './rejections.ts';

export const rejectsBadGrantType = rejectsEvery(
  'TOKEN-06',
  'An unsupported or missing grantType is rejected with a 4xx and no token',
  [
    ['grantType client_credentials', { grantType: 'client_credentials' }],
    ['grantType refresh_token', { grantType: 'refresh_token' }],
    ['grantType PASSWORD (case differs)', { grantType: 'PASSWORD' }],
    ['missing grantType', { grantType: undefined }],
    ['empty grantType', { grantType: '' }],
  ],
);
