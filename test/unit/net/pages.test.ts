import assert from 'node:assert/strict';
import { test } from 'node:test';
import { followPages, PagingLoopError } from '../../../src/net/pages.ts';

test('followPages() - follows tokens in order and hands on each page', async () => {
  const pages: Record<string, { items: number[]; next?: string }> = {
    first: { items: [1, 2], next: 't1' },
    t1: { items: [3], next: 't2' },
    t2: { items: [4, 5] },
  };
  const asked: (string | undefined)[] = [];
  const seen: number[] = [];
  const count = await followPages({
    fetch: async (token) => {
      asked.push(token);
      return pages[token ?? 'first'] as { items: number[]; next?: string };
    },
    next: (page) => page.next,
    onPage: (page) => seen.push(...page.items),
  });
  assert.equal(count, 3);
  assert.deepEqual(asked, [undefined, 't1', 't2']);
  assert.deepEqual(seen, [1, 2, 3, 4, 5]);
});

test('followPages() - an empty token ends the chain; a repeated token is an error', async () => {
  assert.equal(
    await followPages({ fetch: async () => ({ next: '' }), next: (p) => p.next, onPage: () => {} }),
    1,
  );
  await assert.rejects(
    followPages({ fetch: async () => ({ next: 'same' }), next: (p) => p.next, onPage: () => {} }),
    PagingLoopError,
  );
});
