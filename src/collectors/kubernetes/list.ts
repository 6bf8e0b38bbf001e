/**
 * Following one list's `limit`/`continue` chain, with a fresh list when the server answers
 * `410 Gone` (the continue token expired: etcd compacted the revision the list was reading).
 *
 * A fresh list starts again from the first page, so objects already handed on come again; they
 * are dropped by their `metadata.uid` (remembered from the moment a chain has a second page, so
 * a single-page list keeps nothing). Nothing is lost: every object of the fresh list that was not
 * handed on before is handed on. Nothing comes twice, so the per-type counts of the snapshot stay
 * exact. Objects deleted between the two lists stay reported, as they existed when seen.
 */
import { ApiCallError } from '../../core/errors.ts';
import { followPages } from '../../net/pages.ts';
import type { KubeList, KubeObject } from './kinds/kind.ts';

export interface ListChain {
  /** Fetches the page after `token` (`undefined`: the first page of a fresh list). */
  readonly fetch: (token: string | undefined) => Promise<KubeList>;
  /** Receives each page's objects not received before, in order. */
  readonly onObjects: (objects: readonly KubeObject[]) => void;
  /** Fresh lists tried after a 410 before the chain fails. */
  readonly maxRestarts: number;
  /** Told before each fresh list (for the debug log). */
  readonly onRestart?: (restart: number) => void;
}

function identity(object: KubeObject): string {
  const metadata = object.metadata;
  return metadata?.uid ?? `${metadata?.namespace ?? ''}/${metadata?.name ?? ''}`;
}

function isExpired(error: unknown): boolean {
  return error instanceof ApiCallError && error.kind === 'expired';
}

/** Resolves after pending I/O callbacks and microtasks: a request just started is on the wire. */
const afterIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads the chain to its end. Each page is handed on while the next page's request is in
 * flight (mapping 500 objects costs about as much CPU as a request's latency), so a long chain
 * costs pages × max(latency, CPU) rather than their sum.
 *
 * @throws the fetch's error; an `expired` ApiCallError after `maxRestarts` fresh lists.
 */
export async function listChain(chain: ListChain): Promise<void> {
  let seen: Set<string> | undefined;
  let pending: readonly KubeObject[] = [];
  const handOn = () => {
    const objects = pending;
    pending = [];
    if (objects.length > 0) chain.onObjects(objects);
  };
  for (let restart = 0; ; restart++) {
    try {
      await followPages({
        fetch: async (token) => {
          const page = chain.fetch(token);
          // Its failure is awaited below; until then it must not count as unhandled.
          page.catch(() => {});
          await afterIo();
          handOn();
          return page;
        },
        next: (page) => page.metadata?._continue,
        onPage: (page) => {
          pending = seen ? page.items.filter((object) => !seen?.has(identity(object))) : page.items;
          if (page.metadata?._continue) seen ??= new Set();
          for (const object of pending) seen?.add(identity(object));
        },
      });
      handOn();
      return;
    } catch (error) {
      if (!isExpired(error) || restart >= chain.maxRestarts) throw error;
      chain.onRestart?.(restart + 1);
    }
  }
}
