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

/**
 * Reads the chain to its end.
 *
 * @throws the fetch's error; an `expired` ApiCallError after `maxRestarts` fresh lists.
 */
export async function listChain(chain: ListChain): Promise<void> {
  let seen: Set<string> | undefined;
  for (let restart = 0; ; restart++) {
    try {
      await followPages({
        fetch: chain.fetch,
        next: (page) => page.metadata?._continue,
        onPage: (page) => {
          const fresh = seen ? page.items.filter((object) => !seen?.has(identity(object))) : page.items;
          if (page.metadata?._continue) seen ??= new Set();
          for (const object of fresh) seen?.add(identity(object));
          if (fresh.length > 0) chain.onObjects(fresh);
        },
      });
      return;
    } catch (error) {
      if (!isExpired(error) || restart >= chain.maxRestarts) throw error;
      chain.onRestart?.(restart + 1);
    }
  }
}
