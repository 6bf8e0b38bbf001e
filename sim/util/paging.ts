/**
 * Paging over a run of collections: a page is a window of the collections laid end to end, and a
 * token is the offset of the next window, bound to the list it came from so a token from another
 * list is rejected as the real services reject it.
 */
import type { Collection } from '../inventory/collection.ts';
import { hashString } from './rng.ts';

/** One page: the items and, when more remain, the offset of the next page. */
export interface Page<T> {
  readonly items: T[];
  readonly nextOffset?: number;
}

/** Total number of items over collections. */
export function totalOf(collections: readonly Collection[]): number {
  let total = 0;
  for (const c of collections) total += c.count;
  return total;
}

/** Renders `limit` items from `offset` of the concatenated collections. */
export function pageOf<T>(
  collections: readonly Collection[],
  offset: number,
  limit: number,
  render: (collection: Collection, index: number) => T,
): Page<T> {
  const items: T[] = [];
  let skip = offset;
  for (const c of collections) {
    if (items.length >= limit) break;
    if (skip >= c.count) {
      skip -= c.count;
      continue;
    }
    for (let i = skip; i < c.count && items.length < limit; i++) items.push(render(c, i));
    skip = 0;
  }
  const end = offset + items.length;
  return end < totalOf(collections) ? { items, nextOffset: end } : { items };
}

/** An opaque token for `offset` in the list named by `listKey`. */
export function encodeToken(listKey: string, offset: number): string {
  return Buffer.from(`${hashString(listKey).toString(36)}:${offset.toString(36)}`).toString('base64url');
}

/** The offset a token stands for, or undefined when it is malformed or from another list. */
export function decodeToken(listKey: string, token: string): number | undefined {
  const text = Buffer.from(token, 'base64url').toString();
  const [check, offset] = text.split(':');
  if (check !== hashString(listKey).toString(36) || offset === undefined || !/^[0-9a-z]+$/.test(offset))
    return undefined;
  return Number.parseInt(offset, 36);
}
