import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextToken, readPage } from '../../../../src/collectors/gcp/list.ts';

test('readPage() - an aggregated page: objects with their scope keys, and every warning', () => {
  const page = {
    items: {
      'zones/us-east1-b': { instances: [{ name: 'a' }, { name: 'b' }] },
      'zones/us-east1-c': {
        warning: { code: 'NO_RESULTS_ON_PAGE', message: 'There are no results for scope' },
      },
      'zones/asia-east1-a': { warning: { code: 'UNREACHABLE', message: 'zone down' } },
    },
    unreachables: ['zones/europe-west9-a'],
    nextPageToken: 't2',
  };
  const read = readPage({ kind: 'aggregated', field: 'instances' }, page);
  assert.deepEqual(read.items, [
    { item: { name: 'a' }, scope: 'zones/us-east1-b' },
    { item: { name: 'b' }, scope: 'zones/us-east1-b' },
  ]);
  assert.deepEqual(
    read.warnings.map((warning) => `${warning.scope} ${warning.code}`),
    [
      'zones/europe-west9-a UNREACHABLE',
      'zones/us-east1-c NO_RESULTS_ON_PAGE',
      'zones/asia-east1-a UNREACHABLE',
    ],
  );
  assert.equal(read.next, 't2');
});

test('readPage() - a plain page; a missing field is an empty page; GKE missing zones are unreachable', () => {
  assert.deepEqual(readPage({ kind: 'list', field: 'accounts' }, { accounts: [{ email: 'x' }] }).items, [
    { item: { email: 'x' } },
  ]);
  assert.deepEqual(readPage({ kind: 'list', field: 'items' }, { kind: 'compute#networkList' }).items, []);
  const clusters = readPage({ kind: 'list', field: 'clusters' }, { missingZones: ['us-west1-a'] });
  assert.deepEqual(
    clusters.warnings.map((warning) => warning.code),
    ['UNREACHABLE'],
  );
  assert.equal(nextToken({ nextPageToken: '' }), undefined);
  assert.equal(nextToken('junk'), undefined);
});
