// The one typed HTTP client of the web app: openapi-fetch over the types generated from docs/openapi.json.
import createClient from 'openapi-fetch';
import type { paths } from './schema.ts';

export const api = createClient<paths>({ baseUrl: '' });

/** A failed call as an Error carrying the HTTP status, so a page can tell "not found" from "try again". */
export class ApiError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** Unwraps an openapi-fetch answer: the data, or an ApiError. */
export function unwrap<T>(r: { data?: T; error?: unknown; response: Response }): T {
  if (r.data === undefined || !r.response.ok) throw new ApiError(r.response.status);
  return r.data;
}
