import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unflatten } from '../../../../src/collectors/terraform/flatmap.ts';

test('unflatten() - scalars stay strings', () => {
  assert.deepEqual(unflatten({ id: 'i-1', monitoring: 'false', count: '3', empty: '' }), {
    id: 'i-1',
    monitoring: 'false',
    count: '3',
    empty: '',
  });
});

test('unflatten() - lists from .#, in index order past 9', () => {
  const flat: Record<string, string> = { 'ids.#': '11' };
  for (let i = 10; i >= 0; i--) flat[`ids.${i}`] = `v${i}`;
  assert.deepEqual(
    unflatten(flat).ids,
    Array.from({ length: 11 }, (_, i) => `v${i}`),
  );
  assert.deepEqual(unflatten({ 'ebs_block_device.#': '0' }), { ebs_block_device: [] });
});

test('unflatten() - maps from .%, keys with dots kept whole', () => {
  assert.deepEqual(
    unflatten({
      'tags.%': '3',
      'tags.Name': 'web',
      'tags.kubernetes.io/cluster/prod': 'owned',
      'tags.a.b.c': 'x',
      'labels.%': '0',
    }),
    { tags: { Name: 'web', 'kubernetes.io/cluster/prod': 'owned', 'a.b.c': 'x' }, labels: {} },
  );
});

test('unflatten() - a map key that is also the prefix of another key', () => {
  assert.deepEqual(unflatten({ 'm.%': '2', 'm.a': '1', 'm.a.b': '2' }), { m: { a: '1', 'a.b': '2' } });
});

test('unflatten() - sets keyed by hash, as lists in hash order', () => {
  const attributes = unflatten({
    'egress.#': '2',
    'egress.2214680975.from_port': '80',
    'egress.2214680975.cidr_blocks.#': '1',
    'egress.2214680975.cidr_blocks.0': '0.0.0.0/0',
    'egress.1799340084.from_port': '-1',
    'egress.1799340084.cidr_blocks.#': '0',
    'vpc_security_group_ids.#': '1',
    'vpc_security_group_ids.3502959992': 'sg-07a0b87e',
  });
  assert.deepEqual(attributes, {
    egress: [
      { from_port: '-1', cidr_blocks: [] },
      { from_port: '80', cidr_blocks: ['0.0.0.0/0'] },
    ],
    vpc_security_group_ids: ['sg-07a0b87e'],
  });
});

test('unflatten() - nested blocks, lists in lists, maps in blocks', () => {
  assert.deepEqual(
    unflatten({
      'boot_disk.#': '1',
      'boot_disk.0.initialize_params.#': '1',
      'boot_disk.0.initialize_params.0.image': 'debian-9',
      'metadata.#': '1',
      'metadata.0.labels.%': '1',
      'metadata.0.labels.app.kubernetes.io/name': 'web',
      'matrix.#': '1',
      'matrix.0.#': '2',
      'matrix.0.0': 'a',
      'matrix.0.1': 'b',
    }),
    {
      boot_disk: [{ initialize_params: [{ image: 'debian-9' }] }],
      metadata: [{ labels: { 'app.kubernetes.io/name': 'web' } }],
      matrix: [['a', 'b']],
    },
  );
});

test('unflatten() - pre-0.7 maps counted with # are maps', () => {
  assert.deepEqual(unflatten({ 'tags.#': '2', 'tags.Name': 'web', 'tags.env': 'prod' }), {
    tags: { Name: 'web', env: 'prod' },
  });
});

test('unflatten() - the elements present win over a wrong count', () => {
  assert.deepEqual(unflatten({ 'l.#': '3', 'l.0': 'a' }), { l: ['a'] });
});
