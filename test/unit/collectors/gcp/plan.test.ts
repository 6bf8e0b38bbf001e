import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isWithin, planScan } from '../../../../src/collectors/gcp/plan.ts';

const ALL = () => true;
const NONE = { regions: [], zones: [] };
const summary = (plan: ReturnType<typeof planScan>) =>
  plan.lists.map((chain) => `${chain.request.api} ${chain.request.project}/${chain.request.location}`);

describe('planScan()', () => {
  test('planScan() - unnarrowed: one aggregated chain per zonal or regional kind and project, largest first', () => {
    const plan = planScan(['p-one1', 'p-two2'], NONE, ALL);
    assert.deepEqual(summary(plan), [
      'compute.disks.aggregatedList p-one1/global',
      'compute.disks.aggregatedList p-two2/global',
      'compute.instances.aggregatedList p-one1/global',
      'compute.instances.aggregatedList p-two2/global',
      'compute.firewalls.list p-one1/global',
      'compute.firewalls.list p-two2/global',
      'compute.subnetworks.aggregatedList p-one1/global',
      'compute.subnetworks.aggregatedList p-two2/global',
      'iam.serviceAccounts.list p-one1/global',
      'iam.serviceAccounts.list p-two2/global',
      'storage.buckets.list p-one1/global',
      'storage.buckets.list p-two2/global',
      'compute.networks.list p-one1/global',
      'compute.networks.list p-two2/global',
      'container.clusters.list p-one1/global',
      'container.clusters.list p-two2/global',
    ]);
    assert.deepEqual(plan.lookups, []);
    const disks = plan.lists[0];
    assert.equal(disks?.request.path, '/compute/v1/projects/p-one1/aggregated/disks');
    assert.deepEqual(disks?.request.query, { maxResults: '500', returnPartialSuccess: 'true' });
    assert.deepEqual(disks?.shape, { kind: 'aggregated', field: 'disks' });
  });

  test('planScan() - a type the scan does not want gets no chain', () => {
    const plan = planScan(
      ['p-one1'],
      { regions: ['us-east1'], zones: [] },
      (type) => type === 'google_storage_bucket',
    );
    assert.deepEqual(summary(plan), ['storage.buckets.list p-one1/global']);
    assert.deepEqual(plan.lookups, [], 'no zonal type: no region lookup either');
  });

  test('planScan() - narrowed: named zones listed, regions looked up, regional kinds per region', () => {
    const narrowing = { regions: ['us-east1'], zones: ['europe-west1-b'] };
    const plan = planScan(['p-one1'], narrowing, (type) =>
      ['google_compute_instance', 'google_compute_subnetwork', 'google_container_cluster'].includes(type),
    );
    assert.deepEqual(summary(plan), [
      'compute.instances.list p-one1/europe-west1-b',
      'compute.subnetworks.list p-one1/us-east1',
      'compute.subnetworks.list p-one1/europe-west1',
      'container.clusters.list p-one1/global',
    ]);
    assert.equal(plan.lists[0]?.request.path, '/compute/v1/projects/p-one1/zones/europe-west1-b/instances');
    assert.deepEqual(
      plan.lists.at(-1)?.within,
      narrowing,
      'GKE lists every location, then keeps the narrowed',
    );
    assert.deepEqual(plan.lookups, [
      {
        project: 'p-one1',
        region: 'us-east1',
        types: ['google_compute_instance'],
        planned: ['europe-west1-b'],
      },
    ]);
  });
});

describe('isWithin()', () => {
  test('isWithin() - zones by name or region; regional objects by region or a named zone of it', () => {
    const narrowing = { regions: ['us-east1'], zones: ['europe-west1-b'] };
    assert.equal(isWithin(NONE, { region: 'asia-east1' }), true);
    assert.equal(isWithin(narrowing, { zone: 'us-east1-c', region: 'us-east1' }), true);
    assert.equal(isWithin(narrowing, { zone: 'europe-west1-b', region: 'europe-west1' }), true);
    assert.equal(isWithin(narrowing, { zone: 'europe-west1-c', region: 'europe-west1' }), false);
    assert.equal(isWithin(narrowing, { region: 'europe-west1' }), true);
    assert.equal(isWithin(narrowing, { region: 'asia-east1' }), false);
    assert.equal(isWithin(narrowing, {}), false);
  });
});
