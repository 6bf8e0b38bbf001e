import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Resource } from '../../../src/core/resource.ts';
import { combine } from '../../../src/merge/combine.ts';
import { Merger } from '../../../src/merge/merger.ts';
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
