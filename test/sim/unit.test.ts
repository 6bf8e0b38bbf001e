/** Pure parts of the simulator: sorted ids, the mix, SigV4, token buckets on a fake clock, profile checks. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAuthorization, verifySignature } from '../../sim/aws/sigv4.ts';
import { drawLatency, Knobs } from '../../sim/http/knobs.ts';
import type { SimRequest } from '../../sim/http/types.ts';
import { Inventory } from '../../sim/inventory/inventory.ts';
import { apportion } from '../../sim/inventory/mix.ts';
import { buildLayout } from '../../sim/layout.ts';
import { validateProfile } from '../../sim/profile.ts';
import { truthRecords } from '../../sim/truth.ts';
import { ec2Id, sortedName } from '../../sim/util/names.ts';
import { decodeToken, encodeToken } from '../../sim/util/paging.ts';

describe('sorted identifiers', () => {
  test('ec2Id() and sortedName() increase strictly with the index', () => {
    for (const count of [1, 7, 1000, 250_000]) {
      let previousId = '';
      let previousName = '';
      for (let i = 0; i < count; i += Math.max(1, Math.floor(count / 5000))) {
        const id = ec2Id('i', 99, i, count);
        const name = sortedName(['api', 'apis', 'web'], 99, i, count);
        assert.match(id, /^i-0[0-9a-f]{16}$/);
        assert.ok(id > previousId && name > previousName, `${count}: ${id} ${name}`);
        previousId = id;
        previousName = name;
      }
    }
  });

  test('every collection of an inventory is sorted by uid, and the truth is globally sorted and unique', () => {
    const inventory = new Inventory(buildLayout(), 5, 20_000);
    let previous = '';
    let count = 0;
    for (const record of truthRecords(inventory)) {
      assert.ok(record.uid > previous, `${previous} then ${record.uid}`);
      previous = record.uid;
      count++;
    }
    assert.equal(count, 20_000);
  });
});

describe('the mix', () => {
  test('apportion() sums exactly to the total and follows the weights', () => {
    assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]);
    assert.deepEqual(apportion(0, [1, 2]), [0, 0]);
    const parts = apportion(1_000_000, [45, 15, 40]);
    assert.deepEqual(parts, [450_000, 150_000, 400_000]);
  });

  test('an inventory has exactly N resources whatever N, namespaces first', () => {
    for (const n of [1, 19, 20, 21, 999, 123_457]) {
      const counts = new Inventory(buildLayout(), 1, n).countsByType();
      assert.equal(
        Object.values(counts).reduce((a, b) => a + b, 0),
        n,
      );
      assert.equal(counts.kubernetes_namespace, Math.min(n, 20));
    }
  });
});

describe('SigV4', () => {
  test("verifySignature() accepts the AWS test suite's get-vanilla request and rejects a wrong secret", () => {
    const authorization =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';
    const request: SimRequest = {
      method: 'GET',
      rawPath: '/',
      rawQuery: '',
      path: '/',
      query: new URLSearchParams(),
      headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z', authorization },
      body: Buffer.alloc(0),
    };
    const auth = parseAuthorization(authorization);
    assert.ok(auth);
    assert.equal(auth.region, 'us-east-1');
    assert.equal(auth.service, 'service');
    assert.equal(verifySignature(request, auth, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'), true);
    assert.equal(verifySignature(request, auth, 'wrong'), false);
  });
});

describe('Knobs', () => {
  test('.admit() - a token bucket refills at its rate, on a fake clock', () => {
    let now = 0;
    const knobs = new Knobs(
      { rateLimits: [{ match: { provider: 'aws', service: 'ec2' }, ratePerSecond: 2, burst: 2 }] },
      1,
      () => now,
    );
    const site = {
      provider: 'aws' as const,
      service: 'ec2',
      api: 'DescribeInstances',
      account: 'a',
      region: 'r',
    };
    assert.equal(knobs.admit(site), true);
    assert.equal(knobs.admit(site), true);
    assert.equal(knobs.admit(site), false);
    assert.equal(knobs.admit({ ...site, region: 'other' }), true, 'one bucket per region');
    assert.equal(knobs.admit({ ...site, service: 'iam' }), true, 'unmatched calls are not limited');
    now = 500;
    assert.equal(knobs.admit(site), true);
    assert.equal(knobs.admit(site), false);
  });

  test('.fault() - rates of 0 and 1 are exact; draws are repeatable for a seed', () => {
    const site = { provider: 'gcp' as const, service: 'compute', api: 'instances.list' };
    assert.equal(new Knobs({ faults: [{ errorRate: 1 }] }, 1).fault(site), 'error');
    assert.equal(new Knobs({ faults: [{ errorRate: 0 }] }, 1).fault(site), undefined);
    const draws = (seed: number) => {
      const knobs = new Knobs({ faults: [{ errorRate: 0.3, resetRate: 0.1 }] }, seed);
      return Array.from({ length: 50 }, () => knobs.fault(site));
    };
    assert.deepEqual(draws(7), draws(7));
    assert.ok(draws(7).includes('error') && draws(7).includes(undefined));
  });

  test('drawLatency() - fixed, uniform bounds, non-negative normal', () => {
    assert.equal(drawLatency({ fixedMs: 40 }, Math.random), 40);
    for (let i = 0; i < 100; i++) {
      const u = drawLatency({ distribution: 'uniform', minMs: 10, maxMs: 20 }, Math.random);
      assert.ok(u >= 10 && u <= 20);
      assert.ok(drawLatency({ distribution: 'normal', meanMs: 5, stddevMs: 50 }, Math.random) >= 0);
    }
  });
});

describe('validateProfile()', () => {
  test('rejects unknown keys and bad values, quoting them', () => {
    assert.throws(() => validateProfile({ latncy: {} }), /unknown key "latncy"/);
    assert.throws(
      () => validateProfile({ faults: [{ errorRate: 2 }] }),
      /errorRate must be in \[0, 1\], got 2/,
    );
    assert.throws(
      () => validateProfile({ rateLimits: [{ match: {}, ratePerSecond: 1, burst: 0 }] }),
      /burst must be >= 1, got 0/,
    );
    assert.throws(() => validateProfile({ deny: [{ match: {}, reason: 'nope' }] }), /reason must be/);
    assert.deepEqual(validateProfile({ latency: { fixedMs: 40 } }), { latency: { fixedMs: 40 } });
  });

  test('the layout can be reshaped, and is validated', () => {
    const layout = buildLayout({
      awsAccounts: 3,
      awsRegions: ['eu-central-1'],
      clusters: 1,
      namespacesPerCluster: 12,
    });
    assert.equal(layout.awsAccounts.length, 3);
    assert.equal(layout.clusters[0]?.namespaces.length, 12);
    assert.notEqual(layout.clusters[0]?.context, layout.clusters[0]?.name);
    assert.throws(() => buildLayout({ awsAccounts: 0 }), /awsAccounts must be an integer from 1 to 9, got 0/);
  });
});

describe('page tokens', () => {
  test('a token decodes only for the list it was made for', () => {
    const token = encodeToken('ec2|a|r', 1234);
    assert.equal(decodeToken('ec2|a|r', token), 1234);
    assert.equal(decodeToken('ec2|b|r', token), undefined);
    assert.equal(decodeToken('ec2|a|r', 'garbage'), undefined);
  });
});
