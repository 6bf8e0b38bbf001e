/**
 * One list API call chain as data (what the planner makes and tests compare), and reading its
 * pages: plain lists keep their objects under one field; aggregated lists keep them per scope
 * (`zones/us-central1-a`), where a scope with nothing to say carries a `warning` instead.
 */
import type { GcpRequest } from './api.ts';
import { type ApiObject, isObject } from './json.ts';

/** Where a page keeps its objects. */
export type ListShape =
  /** `{items: [...]}`, `{clusters: [...]}`, `{accounts: [...]}`. */
  | { readonly kind: 'list'; readonly field: string }
  /** `{items: {"zones/Z": {instances: [...]} | {warning}}}`. */
  | { readonly kind: 'aggregated'; readonly field: string };

/** One page chain of one resource type. */
export interface ListPlan {
  readonly type: string;
  /** The first page's request; later pages add `pageToken`. */
  readonly request: GcpRequest;
  readonly shape: ListShape;
  /** False for APIs that answer in one piece (Container). */
  readonly paged: boolean;
}

/** An object found on a page, with the scope key it was listed under (aggregated lists). */
export interface Listed {
  readonly item: ApiObject;
  readonly scope?: string;
}

/** A scope an aggregated list could not fully answer for, or had something to say about. */
export interface ScopeWarning {
  /** `zones/us-central1-a`, or `*` for the whole list. */
  readonly scope: string;
  /** `UNREACHABLE`, `NO_RESULTS_ON_PAGE`, ... */
  readonly code: string;
  readonly message: string;
}

/** One page, read. */
export interface PageRead {
  readonly items: Listed[];
  readonly warnings: ScopeWarning[];
  readonly next: string | undefined;
}

function objects(value: unknown): ApiObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

function warningOf(scope: string, value: unknown): ScopeWarning | undefined {
  if (!isObject(value)) return undefined;
  const code = typeof value.code === 'string' ? value.code : 'UNKNOWN';
  return { scope, code, message: typeof value.message === 'string' ? value.message : code };
}

/** The page's `nextPageToken`, if there is a next page. */
export function nextToken(page: unknown): string | undefined {
  const token = isObject(page) ? page.nextPageToken : undefined;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/** Reads one page of `shape`. */
export function readPage(shape: ListShape, page: unknown): PageRead {
  const body = isObject(page) ? page : {};
  const next = nextToken(page);
  const warnings: ScopeWarning[] = [];
  const listWarning = warningOf('*', body.warning);
  if (listWarning) warnings.push(listWarning);
  // Compute's partial-success answers and Container's missing zones name what could not be read.
  for (const scope of [...strings(body.unreachables), ...strings(body.missingZones)]) {
    warnings.push({
      scope,
      code: 'UNREACHABLE',
      message: `${scope} could not be reached; its objects are missing`,
    });
  }
  if (shape.kind === 'list') {
    return { items: objects(body[shape.field]).map((item) => ({ item })), warnings, next };
  }
  const items: Listed[] = [];
  for (const [scope, scoped] of Object.entries(isObject(body.items) ? body.items : {})) {
    if (!isObject(scoped)) continue;
    for (const item of objects(scoped[shape.field])) items.push({ item, scope });
    const warning = warningOf(scope, scoped.warning);
    if (warning) warnings.push(warning);
  }
  return { items, warnings, next };
}
