import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Resource } from '../../../src/core/resource.ts';
import { combine } from '../../../src/merge/combine.ts';
import { Merger, uidOf } from '../../../src/merge/merger.ts';
import { fakeResource } from '../../helpers/resources.ts';

const UID = 'arn:aws:ec2:us-east-1:111111111111:instance/i-1';

function cloudInstance(overrides: Partial<Resource> = {}): Resource {
  return fakeResource('aws', 'i-1', {
    uid: UID,
    type: 'aws_instance',
    name: 'web',
    account: '111111111111',
    region: 'us-east-1',
    tags: { Name: 'web', team: 'shop' },
    configuration: { instanceType: 't3.small', state: 'running' },
    ...overrides,
  });
}

function stateInstance(state: string, address: string): Resource {
  return fakeResource('terraform', 'i-1', {
    uid: UID,
    type: 'aws_instance',
    name: 'web',
    tags: { Name: 'web' },
    configuration: { instance_type: 't3.micro' },
    sources: ['terraform'],
    managedBy: { tool: 'terraform', address, state },
  });
}

describe('combine()', () => {
  test('combine() - the cloud wins and the state gives managedBy, whatever the order', () => {
    const cloud = cloudInstance();
    const state = stateInstance('prod/terraform.tfstate', 'aws_instance.web');
    for (const merged of [combine(cloud, state), combine(state, cloud)]) {
      assert.equal(merged.provider, 'aws');
      assert.deepEqual(merged.configuration, cloud.configuration);
      assert.deepEqual(merged.tags, cloud.tags);
      assert.equal(merged.region, 'us-east-1');
      assert.deepEqual(merged.sources, ['aws', 'terraform']);
      assert.deepEqual(merged.managedBy, {
        tool: 'terraform',
        address: 'aws_instance.web',
        state: 'prod/terraform.tfstate',
      });
    }
  });

  test('combine() - two states claiming one object: the lowest state/address, in any order', () => {
    const a = stateInstance('a.tfstate', 'aws_instance.web');
    const b = stateInstance('b.tfstate', 'aws_instance.other');
    assert.deepEqual(combine(a, b), combine(b, a));
    assert.equal(combine(b, a).managedBy?.state, 'a.tfstate');
    assert.equal(combine(b, a).provider, 'terraform');
  });
});

describe('Merger', () => {
  test('.add() - deduplicates by uid and counts the duplicates', () => {
    const merger = new Merger();
    merger.add([cloudInstance(), fakeResource('aws', 'other')]);
    merger.add([stateInstance('s.tfstate', 'aws_instance.web')]);
    assert.equal(merger.size, 2);
    assert.equal(merger.duplicates, 1);
    const merged = [...merger.resources()].find((r) => r.uid === UID);
    assert.deepEqual(merged?.sources, ['aws', 'terraform']);
    assert.equal(merged?.managedBy?.address, 'aws_instance.web');
    assert.deepEqual(merger.countByType(), { aws_instance: 1, aws_thing: 1 });
  });

  test('.json() - the same input in any order gives the same bytes', () => {
    const batches = [
      [cloudInstance(), fakeResource('k', 'z', { tags: { b: '2', a: '1' } })],
      [stateInstance('s.tfstate', 'aws_instance.web'), fakeResource('g', 'm')],
      [fakeResource('k', 'a')],
    ];
    const forward = new Merger();
    for (const batch of batches) forward.add(batch);
    const backward = new Merger();
    for (const batch of [...batches].reverse()) backward.add([...batch].reverse());
    const text = [...forward.json()].join('\n');
    assert.equal(text, [...backward.json()].join('\n'));
    const uids = [...forward.resources()].map((r) => r.uid);
    assert.deepEqual(uids, [...uids].sort());
    assert.match(text, /"tags":\{"a":"1","b":"2"\}/, 'tags are written in key order');
  });

  test('.json() - keeps region, tags, configuration and contract key order', () => {
    const merger = new Merger();
    merger.add([cloudInstance({ zone: 'us-east-1a' })]);
    const [line] = [...merger.json()];
    assert.deepEqual(Object.keys(JSON.parse(line as string)), [
      'uid',
      'provider',
      'type',
      'id',
      'name',
      'account',
      'region',
      'zone',
      'tags',
      'configuration',
      'sources',
      'observedAt',
    ]);
  });
});

describe('Merger with a memory budget', () => {
  /** Keeps runs in memory and counts them: a test double of the file store. */
  function memoryRuns() {
    const runs: string[][] = [];
    let disposed = false;
    return {
      runs,
      disposed: () => disposed,
      write(lines: readonly string[]) {
        const copy = [...lines];
        runs.push(copy);
        return () => copy[Symbol.iterator]();
      },
      dispose() {
        disposed = true;
      },
    };
  }

  /** Reports in a scrambled order: a tenth of the uids twice, from a state and from the cloud. */
  function reports(count: number): Resource[][] {
    const batches: Resource[][] = [];
    for (let i = 0; i < count; i++) {
      const n = (i * 7919) % count;
      const uid = `arn:aws:ec2:r:a:instance/i-${String(n).padStart(6, '0')}`;
      const batch = [
        cloudInstance({ uid, id: `i-${n}`, type: n % 3 === 0 ? 'aws_instance' : 'aws_ebs_volume' }),
      ];
      if (n % 10 === 0) batch.push({ ...stateInstance('s.tfstate', `aws_instance.x[${n}]`), uid });
      batches.push(batch);
    }
    return batches;
  }

  test('.json() - spilling to runs gives the same bytes and counts as holding everything', () => {
    const whole = new Merger();
    const store = memoryRuns();
    const spilled = new Merger({ memoryBudget: 20_000, runs: store });
    for (const batch of reports(500)) {
      whole.add(batch);
      spilled.add(batch);
    }
    assert.ok(store.runs.length > 3, `spilled ${store.runs.length} runs`);
    assert.deepEqual([...spilled.json()], [...whole.json()]);
    assert.equal(spilled.size, whole.size);
    assert.equal(spilled.duplicates, whole.duplicates);
    assert.deepEqual(spilled.countByType(), whole.countByType());
    assert.equal(whole.size, 500);
    assert.equal(whole.duplicates, 50);
    spilled.dispose();
    assert.equal(store.disposed(), true);
  });

  test('.size - exact before the first read too (a counting pass over the runs)', () => {
    const spilled = new Merger({ memoryBudget: 5_000, runs: memoryRuns() });
    for (const batch of reports(200)) spilled.add(batch);
    assert.equal(spilled.size, 200);
    assert.equal(spilled.duplicates, 20);
    assert.equal([...spilled.json()].length, 200, 'a second read gives the same');
    assert.equal(spilled.size, 200);
  });

  test('new Merger() - a budget without a run store is refused', () => {
    assert.throws(() => new Merger({ memoryBudget: 10 }), /run store/);
  });
});

test('uidOf() - the uid of a canonical line, escapes included', () => {
  for (const uid of ['arn:aws:s3:::bucket', 'k8s://c/core/v1/Pod/ns/we"ird\\name', 'tf://a b/x["k"]']) {
    const line = JSON.stringify({ uid, provider: 'p' });
    assert.equal(uidOf(line), uid);
  }
});
