/**
 * followList's handling of what pages say besides their objects. The pages come from a stand-in
 * for our own API caller (the simulator never reports an unreachable zone); the HTTP path is
 * covered by the integration tests.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GcpApi, GcpRequest } from '../../../../src/collectors/gcp/api.ts';
import { computeList } from '../../../../src/collectors/gcp/compute.ts';
import { followList } from '../../../../src/collectors/gcp/follow.ts';
import { ProviderError } from '../../../../src/core/errors.ts';
import { silentLogger } from '../../../../src/core/logger.ts';
import type { Resource } from '../../../../src/core/resource.ts';
import type { ProviderErrorRecord } from '../../../../src/core/snapshot.ts';
import type { CollectorContext } from '../../../../src/scanner/collector.ts';

function pagesApi(pages: readonly unknown[]): GcpApi & { tokens: (string | undefined)[] } {
  const tokens: (string | undefined)[] = [];
  return {
    tokens,
    async get<T>(request: GcpRequest): Promise<T> {
      tokens.push(request.query?.pageToken);
      return pages[tokens.length - 1] as T;
    },
  };
}

function context() {
  const emitted: Resource[][] = [];
  const errors: (ProviderError | ProviderErrorRecord)[] = [];
  const ctx = {
    provider: 'gcp',
    log: silentLogger,
    emit: (batch: readonly Resource[]) => emitted.push([...batch]),
    reportError: (error: ProviderError | ProviderErrorRecord) => errors.push(error),
    now: () => '2026-01-01T00:00:00.000Z',
  } as unknown as CollectorContext;
  return { ctx, emitted, errors };
}

const unreachable = {
  warning: { code: 'UNREACHABLE', message: "Scope 'zones/asia-east1-a' is unreachable" },
};
const empty = { warning: { code: 'NO_RESULTS_ON_PAGE', message: 'nothing' } };

test('followList() - pages in order, each emitted; UNREACHABLE reported once per scope; empty scopes ignored', async () => {
  const api = pagesApi([
    {
      items: {
        'zones/us-east1-b': { instances: [{ name: 'a', id: '1' }] },
        'zones/asia-east1-a': unreachable,
      },
      nextPageToken: 'p2',
    },
    {
      items: {
        'zones/us-east1-b': { instances: [{ name: 'b', id: '2' }] },
        'zones/asia-east1-a': unreachable,
      },
    },
  ]);
  const { ctx, emitted, errors } = context();
  const pages = await followList(ctx, api, computeList('acme-prod', 'google_compute_instance', 'aggregated'));
  assert.equal(pages, 2);
  assert.deepEqual(api.tokens, [undefined, 'p2']);
  assert.deepEqual(
    emitted.map((batch) => batch.map((resource) => resource.uid)),
    [
      ['//compute.googleapis.com/projects/acme-prod/zones/us-east1-b/instances/a'],
      ['//compute.googleapis.com/projects/acme-prod/zones/us-east1-b/instances/b'],
    ],
  );
  assert.equal(errors.length, 1);
  const error = errors[0] as ProviderError;
  assert.ok(error instanceof ProviderError);
  assert.deepEqual(error.toRecord(), {
    scope: 'acme-prod/asia-east1-a',
    api: 'compute.instances.aggregatedList',
    code: 'UNREACHABLE',
    message: "Scope 'zones/asia-east1-a' is unreachable",
  });

  const quiet = context();
  await followList(
    quiet.ctx,
    pagesApi([{ items: { 'zones/us-east1-c': empty } }]),
    computeList('acme-prod', 'google_compute_disk', 'aggregated'),
  );
  assert.deepEqual(quiet.errors, []);
  assert.deepEqual(quiet.emitted, [[]]);
});
