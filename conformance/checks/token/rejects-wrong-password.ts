import { WRONG_PASSWORD } from '../../../schemas/documented-api.ts';
import { rejectsEvery } from './rejections.ts';

/** The wrong password on the configured account goes last: one of the run's few failed logins on it. */
export const rejectsWrongPassword = rejectsEvery('TOKEN-04', 'A wrong password is rejected with a 4xx and no token', [
  ['unknown username, the real password', {}, 'ghost'],
  ['unknown username, a wrong password', { password: WRONG_PASSWORD }, 'ghost'],
  ['wrong password for the configured username', { password: WRONG_PASSWORD }],
]);
