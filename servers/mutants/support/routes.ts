// The two actions of the reference server, by path, for mutants that wrap or replace them.
import type { Action, AppContext } from '../../reference/context.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

export const TOKEN_PATH = PATHS.token;
export const REFRESH_PATH = PATHS.refresh;

export function actions(context: AppContext): { grant: Action; refresh: Action } {
  return { grant: context.routes[TOKEN_PATH]!, refresh: context.routes[REFRESH_PATH]! };
}
