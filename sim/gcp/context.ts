/** Shared pieces of the GCP handlers: the call builder and maxResults/pageToken paging. */
import type { Knobs } from '../http/knobs.ts';
import { type Call, json, type SimRequest, type SimResponse } from '../http/types.ts';
import type { Collection } from '../inventory/collection.ts';
import type { Inventory } from '../inventory/inventory.ts';
import { decodeToken, encodeToken, type Page, pageOf } from '../util/paging.ts';
import { gcpCallErrors, googleError } from './errors.ts';

/** One authenticated GCP request. */
export interface GcpContext {
  readonly request: SimRequest;
  readonly inventory: Inventory;
  readonly knobs: Knobs;
}

/** Builds a call; `where` is the zone or region the call is about, if any. */
export function gcpCall(
  service: string,
  api: string,
  project: string,
  serve: () => SimResponse,
  where?: string,
): Call {
  return {
    site: { provider: 'gcp', service, api, account: project, ...(where ? { region: where } : {}) },
    errors: gcpCallErrors(service, api, project),
    serve,
  };
}

/** How an API pages: its parameter name, default and maximum page size. */
export interface PagingRule {
  readonly service: string;
  readonly api: string;
  readonly sizeParam: 'maxResults' | 'pageSize';
  readonly defaultSize: number;
  readonly maxSize: number;
}

/** A page of `collections`, or Google's 400 for a bad page size or token. */
export function gcpPage<T>(
  ctx: GcpContext,
  rule: PagingRule,
  listKey: string,
  collections: readonly Collection[],
  render: (collection: Collection, index: number) => T,
): { page: Page<T>; nextPageToken?: string } | SimResponse {
  const raw = ctx.request.query.get(rule.sizeParam);
  const size = raw === null ? rule.defaultSize : Number(raw);
  if (!Number.isInteger(size) || size < 0 || (rule.sizeParam === 'maxResults' && size > rule.maxSize)) {
    return googleError(
      400,
      'INVALID_ARGUMENT',
      `Invalid value for field '${rule.sizeParam}': '${raw}'. Must be in the range [0, ${rule.maxSize}].`,
      'invalid',
    );
  }
  const cap = ctx.knobs.pageCap({ provider: 'gcp', service: rule.service, api: rule.api }, rule.maxSize);
  const limit = Math.min(size === 0 ? rule.defaultSize : size, cap);
  const token = ctx.request.query.get('pageToken');
  const offset = token ? decodeToken(listKey, token) : 0;
  if (offset === undefined) return googleError(400, 'INVALID_ARGUMENT', 'Invalid page token.', 'invalid');
  const page = pageOf(collections, offset, limit, render);
  return page.nextOffset === undefined
    ? { page }
    : { page, nextPageToken: encodeToken(listKey, page.nextOffset) };
}

/** True when `gcpPage` answered with an error. */
export function isResponse(value: unknown): value is SimResponse {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}

/** A JSON 200. */
export function ok(body: Record<string, unknown>): SimResponse {
  return json(200, body);
}
