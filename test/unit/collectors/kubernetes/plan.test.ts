import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KINDS } from '../../../../src/collectors/kubernetes/kinds/index.ts';
import { planCalls } from '../../../../src/collectors/kubernetes/plan.ts';
import { kubernetesSettings } from '../../../../src/collectors/kubernetes/settings.ts';
import { ConfigError } from '../../../../src/core/errors.ts';
import { typeFilter } from '../../../../src/core/type-filter.ts';

const TYPES = [
  'kubernetes_config_map',
  'kubernetes_daemonset',
  'kubernetes_deployment',
  'kubernetes_ingress_v1',
  'kubernetes_namespace',
  'kubernetes_node',
  'kubernetes_persistent_volume',
  'kubernetes_persistent_volume_claim',
  'kubernetes_pod',
  'kubernetes_replica_set',
  'kubernetes_secret',
  'kubernetes_service',
  'kubernetes_service_account',
  'kubernetes_stateful_set',
];

test('planCalls() - every kind of the contract once, cluster-wide', () => {
  const calls = planCalls(KINDS, typeFilter(), []);
  assert.deepEqual(calls.map((c) => c.spec.type).sort(), TYPES);
  assert.ok(calls.every((c) => c.scope === 'cluster'));
});

test('planCalls() - a filtered-out type gets no call', () => {
  const calls = planCalls(
    KINDS,
    typeFilter(['kubernetes_pod', 'kubernetes_secret'], ['kubernetes_secret']),
    [],
  );
  assert.deepEqual(
    calls.map((c) => [c.spec.type, c.scope]),
    [['kubernetes_pod', 'cluster']],
  );
  assert.deepEqual(planCalls(KINDS, typeFilter(['aws_instance']), []), []);
});

test('planCalls() - a namespace filter: namespaced kinds per namespace, the named Namespaces read, no nodes or volumes', () => {
  const calls = planCalls(
    KINDS,
    typeFilter(['kubernetes_pod', 'kubernetes_namespace', 'kubernetes_node', 'kubernetes_persistent_volume']),
    ['shop', 'web'],
  );
  assert.deepEqual(
    calls.map((c) =>
      c.scope === 'namespace'
        ? [c.spec.type, c.namespace, c.of]
        : c.scope === 'object'
          ? [c.spec.type, c.name]
          : [c.spec.type],
    ),
    [
      ['kubernetes_pod', 'shop', 2],
      ['kubernetes_pod', 'web', 2],
      ['kubernetes_namespace', 'shop'],
      ['kubernetes_namespace', 'web'],
    ],
  );
});

test('kubernetesSettings() - flags and config file values, checked', () => {
  assert.deepEqual(kubernetesSettings({ kubeconfig: '/k', contexts: ['a', 'b', 'a'], namespaces: 'shop' }), {
    kubeconfig: '/k',
    contexts: ['a', 'b'],
    namespaces: ['shop'],
  });
  assert.deepEqual(kubernetesSettings(), { kubeconfig: undefined, contexts: [], namespaces: [] });
  assert.throws(
    () => kubernetesSettings({ contexts: [1] }),
    (error: unknown) =>
      error instanceof ConfigError && error.message === 'kubernetes.contexts must be a list of strings',
  );
  assert.throws(() => kubernetesSettings({ kubeconfig: ['a'] }), /kubernetes.kubeconfig must be a string/);
});
