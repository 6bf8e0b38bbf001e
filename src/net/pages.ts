/**
 * Following a chain of pages: every provider pages its lists (NextToken, Marker, pageToken,
 * continue). Pages of one chain are sequential by nature (each needs the previous token); each
 * page is handed on as it arrives, so a chain never holds more than one page.
 */

/** How to read one chain. */
export interface PageChain<P> {
  /** Fetches the page after `token` (`undefined` for the first). */
  readonly fetch: (token: string | undefined) => Promise<P>;
  /** The next page's token, or `undefined`/empty at the end. */
  readonly next: (page: P) => string | undefined | null;
  /** Receives each page in order. */
  readonly onPage: (page: P) => void;
}

/** Thrown when an API hands back the token it was given, which would loop forever. */
export class PagingLoopError extends Error {
  constructor(token: string) {
    super(`the API returned the same page token twice (${token.slice(0, 40)}); stopped paging`);
    this.name = 'PagingLoopError';
  }
}

/** Follows the chain to its end; returns the number of pages read. */
export async function followPages<P>(chain: PageChain<P>): Promise<number> {
  let token: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await chain.fetch(token);
    pages++;
    chain.onPage(page);
    const next = chain.next(page) || undefined;
    if (next === undefined) return pages;
    if (next === token) throw new PagingLoopError(next);
    token = next;
  }
}
