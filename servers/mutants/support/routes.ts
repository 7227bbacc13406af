// The two actions of the reference server, by path, for mutants that wrap or replace them.
import type { Action, AppContext } from '../../reference/context.ts';

export const TOKEN_PATH = '/v1/token';
export const REFRESH_PATH = '/v1/refresh/token';

export function actions(context: AppContext): { grant: Action; refresh: Action } {
  return { grant: context.routes[TOKEN_PATH]!, refresh: context.routes[REFRESH_PATH]! };
}
