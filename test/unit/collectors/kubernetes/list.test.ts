import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KubeList } from '../../../../src/collectors/kubernetes/kinds/kind.ts';
import { listChain } from '../../../../src/collectors/kubernetes/list.ts';
import { ApiCallError } from '../../../../src/core/errors.ts';

const expired = () =>
  new ApiCallError(
    { kind: 'expired', code: 'Expired', message: 'too old', attempts: 1, status: 410 },
    { provider: 'kubernetes', scope: 'c', api: 'core/v1/pods:list' },
  );

/** A server of `names` in pages of `size`; `expireAt(token)` says when a token answers 410. */
function server(names: string[], size: number, expireAt: (token: string, call: number) => boolean) {
  const calls: (string | undefined)[] = [];
  const fetch = async (token: string | undefined): Promise<KubeList> => {
    calls.push(token);
    if (token && expireAt(token, calls.length)) throw expired();
    const start = token ? Number(token) : 0;
    const items = names
      .slice(start, start + size)
      .map((name) => ({ metadata: { name, uid: `uid-${name}` } }));
    const next = start + size < names.length ? String(start + size) : undefined;
    return { items, metadata: next ? { _continue: next } : {} };
  };
  return { fetch, calls };
}

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

describe('listChain()', () => {
  test('follows continue tokens to the end, handing on each page once the next is asked for', async () => {
    const { fetch, calls } = server(NAMES, 3, () => false);
    const events: string[] = [];
    await listChain({
      fetch: (token) => {
        events.push(`fetch ${token ?? 'first'}`);
        return fetch(token);
      },
      onObjects: (o) => events.push(o.map((x) => x.metadata?.name).join('')),
      maxRestarts: 3,
    });
    assert.deepEqual(events, ['fetch first', 'fetch 3', 'abc', 'fetch 6', 'def', 'g']);
    assert.deepEqual(calls, [undefined, '3', '6']);
  });

  test('410 mid-list: a fresh list, and every object handed on exactly once', async () => {
    // The second page's token expires once; after the fresh list, an object was created.
    const names = [...NAMES];
    let expiredOnce = false;
    const { fetch, calls } = server(names, 3, (token) => {
      if (token !== '3' || expiredOnce) return false;
      expiredOnce = true;
      names.splice(1, 0, 'a2');
      return true;
    });
    const seen: string[] = [];
    const restarts: number[] = [];
    await listChain({
      fetch,
      onObjects: (o) => seen.push(...o.map((x) => x.metadata?.name as string)),
      maxRestarts: 3,
      onRestart: (n) => restarts.push(n),
    });
    assert.deepEqual(calls, [undefined, '3', undefined, '3', '6']);
    assert.deepEqual(restarts, [1]);
    assert.deepEqual(seen.sort(), ['a', 'a2', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  test('gives up with the 410 after maxRestarts fresh lists; other errors are not retried here', async () => {
    const { fetch, calls } = server(NAMES, 3, (token) => token === '3');
    await assert.rejects(
      listChain({ fetch, onObjects: () => {}, maxRestarts: 2 }),
      (error: unknown) => error instanceof ApiCallError && error.kind === 'expired',
    );
    assert.deepEqual(calls, [undefined, '3', undefined, '3', undefined, '3']);
    let count = 0;
    await assert.rejects(
      listChain({
        fetch: async () => {
          count++;
          throw new Error('boom');
        },
        onObjects: () => {},
        maxRestarts: 2,
      }),
      /boom/,
    );
    assert.equal(count, 1);
  });
});
