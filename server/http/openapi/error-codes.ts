import type { ApiErrorCode } from '../../../shared/types.js';

/** Every `ApiErrorCode`, as a value the document can list. */
export const API_ERROR_CODES = [
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'account_pending',
  'account_suspended',
  'invalid_credentials',
  'too_large',
  'cross_site',
  'unsupported_media_type',
  'too_many_attempts',
  'weak_password',
  'outside_city',
  'internal',
] as const satisfies readonly ApiErrorCode[];

// A code added to the union and not here fails the typecheck: the document lists them all.
type Missing = Exclude<ApiErrorCode, (typeof API_ERROR_CODES)[number]>;
export const _allListed: [Missing] extends [never] ? true : Missing = true;
