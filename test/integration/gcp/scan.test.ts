/**
 * The GCP collector through the library against the simulator over real HTTP, with the real ADC
 * flow (the simulator's service-account key in GOOGLE_APPLICATION_CREDENTIALS, WGO_GCP_ENDPOINT):
 * the scan equals the truth, paged, throttled and faulty alike; narrowing, type filters, a
 * disabled API and GKE's masterAuth.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Simulator, startSimulator } from '../../../sim/index.ts';
import { readTruth } from '../../sim/helpers.ts';
import { gcpApiStats, identities, scanGcp, useSimulator } from './helpers.ts';

const PROJECTS = ['acme-prod', 'acme-staging'];
/** Small pages, so every chain of a 10,000-resource estate runs to several pages. */
const SMALL_PAGES = {
  'compute:instances.aggregatedList': 60,
  'compute:disks.aggregatedList': 60,
  'compute:subnetworks.aggregatedList': 20,
  'compute:firewalls.list': 30,
  'compute:instances.list': 40,
  'compute:disks.list': 40,
  'storage:buckets.list': 15,
  'iam:serviceAccounts.list': 10,
};

let sim: Simulator;
let truth: string[];

before(async () => {
  sim = await startSimulator({ resources: 10_000, seed: 61, profile: { maxPageSize: SMALL_PAGES } });
  useSimulator(sim);
  truth = identities(await readTruth(sim.truth, { provider: 'gcp' }));
});
after(() => sim.close());

describe('GcpCollector against the simulator', () => {
  test('.collect() - two projects at 10,000 resources equal the truth; pages reuse connections', async () => {
    const { provider, resources, connections } = await scanGcp({ projects: PROJECTS });
    assert.equal(provider.status, 'ok', JSON.stringify(provider.errors));
    assert.ok(truth.length > 1400, `a real estate (${truth.length})`);
    assert.deepEqual(identities(resources), truth);
    for (const resource of resources) {
      assert.equal(resource.provider, 'gcp');
      assert.ok(PROJECTS.includes(resource.account ?? ''), resource.uid);
    }
    assert.ok(provider.apiCalls >= 40, `paged (${provider.apiCalls} calls for 16 chains)`);
    assert.ok(
      connections.socketsOpened <= 8,
      `${connections.socketsOpened} sockets for ${connections.requests} requests`,
    );
    assert.equal(connections.requests, provider.apiCalls, 'every call went through the shared agents');
  });

  test('.collect() - resources carry the contract fields: ids, names, places, labels', async () => {
    const { resources } = await scanGcp({ projects: ['acme-prod'] });
    const byType = (type: string) => resources.filter((resource) => resource.type === type);
    const instance = byType('google_compute_instance')[0];
    assert.ok(instance);
    assert.match(instance.id, /^\d+$/);
    assert.equal(
      instance.uid,
      `//compute.googleapis.com/projects/acme-prod/zones/${instance.zone}/instances/${instance.name}`,
    );
    assert.equal(instance.region, instance.zone?.replace(/-[a-z]$/, ''));
    assert.ok(Object.keys(instance.tags).length > 0, 'labels as tags');
    const subnetwork = byType('google_compute_subnetwork')[0];
    assert.equal(subnetwork?.zone, undefined);
    assert.match(subnetwork?.region ?? '', /^[a-z]+-[a-z]+\d$/);
    const network = byType('google_compute_network')[0];
    assert.equal(network?.region, undefined);
    const account = byType('google_service_account')[0];
    assert.equal(account?.name, account?.configuration.email);
    assert.equal(account?.id, account?.configuration.uniqueId);
    const cluster = byType('google_container_cluster')[0];
    assert.equal(cluster?.id, cluster?.name);
    assert.deepEqual(cluster?.tags, cluster?.configuration.resourceLabels);
    const bucket = byType('google_storage_bucket')[0];
    assert.equal(bucket?.id, bucket?.name);
    assert.equal(bucket?.region, String(bucket?.configuration.location).toLowerCase());
  });

  test('.collect() - GKE masterAuth never appears: replaced whole by "(redacted)"', async () => {
    const { resources } = await scanGcp({ projects: PROJECTS }, { types: ['google_container_cluster'] });
    assert.ok(resources.length > 0);
    for (const cluster of resources) assert.equal(cluster.configuration.masterAuth, '(redacted)');
    const text = JSON.stringify(resources);
    assert.ok(!text.includes('clusterCaCertificate'), 'no masterAuth field survives');
    // The simulator's CA is base64 of a PEM block: none of it may leak under another name.
    assert.ok(!text.includes('LS0tLS1CRUdJTi'), 'no base64 PEM');
  });

  test('.collect() - a filtered type costs no call; --types keeps to the types asked for', async () => {
    const before = await gcpApiStats(sim);
    const { resources, provider } = await scanGcp(
      { projects: PROJECTS },
      { types: ['google_storage_bucket', 'google_service_account'] },
    );
    const after = await gcpApiStats(sim);
    const called = Object.keys(after).filter(
      (api) => (after[api]?.requests ?? 0) > (before[api]?.requests ?? 0),
    );
    assert.deepEqual(called.sort(), ['iam:serviceAccounts.list', 'storage:buckets.list']);
    assert.deepEqual(
      identities(resources),
      truth.filter((line) => / google_(storage_bucket|service_account)$/.test(line)),
    );
    assert.equal(provider.status, 'ok');
  });

  test('.collect() - --region narrows zonal and regional kinds to per-zone and per-region lists', async () => {
    const before = await gcpApiStats(sim);
    const { resources, provider } = await scanGcp({ projects: PROJECTS, regions: ['europe-west1'] });
    const after = await gcpApiStats(sim);
    assert.equal(provider.status, 'ok', JSON.stringify(provider.errors));
    const delta = (api: string) => (after[api]?.requests ?? 0) - (before[api]?.requests ?? 0);
    assert.equal(delta('compute:instances.aggregatedList'), 0);
    assert.equal(delta('compute:regions.get'), 2, 'one lookup per project');
    assert.ok(delta('compute:instances.list') >= 4, 'two zones per project');
    const regional = /\/(zones|regions|locations)\/([a-z]+-[a-z]+\d)(-[a-z])?\//;
    const expected = truth.filter((line) => {
      const place = regional.exec(line);
      return !place || place[2] === 'europe-west1';
    });
    assert.ok(
      expected.length < truth.length && expected.some((line) => line.includes('/zones/europe-west1-')),
    );
    assert.deepEqual(identities(resources), expected);
  });

  test('.collect() - --zone lists just that zone; its region keeps its subnetworks', async () => {
    const { resources } = await scanGcp(
      { projects: ['acme-prod'], zones: ['us-central1-b'] },
      { types: ['google_compute_instance', 'google_compute_disk', 'google_compute_subnetwork'] },
    );
    assert.ok(resources.length > 0);
    for (const resource of resources) {
      if (resource.type === 'google_compute_subnetwork') assert.equal(resource.region, 'us-central1');
      else assert.equal(resource.zone, 'us-central1-b');
    }
    const zoneLines = truth.filter(
      (line) =>
        line.includes('/projects/acme-prod/zones/us-central1-b/') ||
        line.includes('/projects/acme-prod/regions/us-central1/'),
    );
    assert.deepEqual(identities(resources), zoneLines);
  });
});

describe('GcpCollector under throttling and faults', () => {
  let faulty: Simulator;
  before(async () => {
    faulty = await startSimulator({
      resources: 10_000,
      seed: 62,
      profile: {
        maxPageSize: SMALL_PAGES,
        rateLimits: [
          { match: { provider: 'gcp', service: 'compute' }, ratePerSecond: 15, burst: 3 },
          { match: { provider: 'gcp', service: 'iam' }, ratePerSecond: 5, burst: 2 },
          { match: { provider: 'gcp', service: 'storage' }, ratePerSecond: 5, burst: 2 },
        ],
        faults: [{ match: { provider: 'gcp' }, errorRate: 0.05, resetRate: 0.02 }],
      },
    });
  });
  after(() => faulty.close());

  test('.collect() - 429 rateLimitExceeded, 503 backendError and resets are retried: nothing lost', async () => {
    useSimulator(faulty);
    const expected = identities(await readTruth(faulty.truth, { provider: 'gcp' }));
    const { provider, resources } = await scanGcp({ projects: PROJECTS });
    const served = await gcpApiStats(faulty);
    const throttled = Object.values(served).reduce((sum, api) => sum + api.throttled, 0);
    const failed = Object.values(served).reduce((sum, api) => sum + api.failed, 0);
    assert.equal(provider.status, 'ok', JSON.stringify(provider.errors));
    assert.deepEqual(identities(resources), expected);
    assert.ok(throttled > 0, 'the simulator throttled');
    assert.ok(failed > 0, 'the simulator failed some calls');
    assert.ok(provider.throttled > 0 && provider.retries >= provider.throttled, JSON.stringify(provider));
  });
});

describe('GcpCollector with a disabled API', () => {
  let denied: Simulator;
  before(async () => {
    denied = await startSimulator({
      resources: 3000,
      seed: 63,
      profile: {
        deny: [
          { match: { provider: 'gcp', service: 'container' }, reason: 'notEnabled' },
          { match: { provider: 'gcp', service: 'iam', account: 'acme-staging' } },
        ],
      },
    });
  });
  after(() => denied.close());

  test('.collect() - 403 accessNotConfigured and forbidden are reported per API; the rest is there', async () => {
    useSimulator(denied);
    const expected = identities(await readTruth(denied.truth, { provider: 'gcp' })).filter(
      (line) =>
        !line.endsWith(' google_container_cluster') &&
        !(line.endsWith(' google_service_account') && line.includes('/projects/acme-staging/')),
    );
    const { provider, resources } = await scanGcp({ projects: PROJECTS });
    assert.equal(provider.status, 'partial');
    assert.deepEqual(identities(resources), expected);
    const errors = provider.errors.map((error) => `${error.scope} ${error.api} ${error.code}`).sort();
    assert.deepEqual(errors, [
      'acme-prod/global container.clusters.list accessNotConfigured',
      'acme-staging/global container.clusters.list accessNotConfigured',
      'acme-staging/global iam.serviceAccounts.list forbidden',
    ]);
    const disabled = provider.errors.find((error) => error.code === 'accessNotConfigured');
    assert.match(disabled?.message ?? '', /Kubernetes Engine API has not been used/);
    assert.equal(provider.retries, 0, 'a denied call is not retried');
  });
});
