import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { V1Pod, type V1ReplicaSet, type V1Secret } from '@kubernetes/client-node';
import { namespaces, nodes } from '../../../../src/collectors/kubernetes/kinds/cluster.ts';
import { secrets } from '../../../../src/collectors/kubernetes/kinds/config.ts';
import { ingresses } from '../../../../src/collectors/kubernetes/kinds/network.ts';
import { pods, replicaSets } from '../../../../src/collectors/kubernetes/kinds/workloads.ts';
import { toResource } from '../../../../src/collectors/kubernetes/resource.ts';

const AT = '2026-01-01T00:00:00.000Z';

function podSpec() {
  return {
    containers: [
      {
        name: 'web',
        image: 'web:1',
        env: [
          { name: 'LOG_LEVEL', value: 'debug-literal' },
          { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 'keys', key: 'api' } } },
        ],
      },
    ],
    initContainers: [{ name: 'init', env: [{ name: 'SEED', value: 'init-literal' }] }],
  };
}

describe('toResource()', () => {
  test('a pod: canonical uid, labels as tags, env literals redacted, its ReplicaSet as owner', () => {
    // client-node hands back model instances with Date timestamps.
    const pod = Object.assign(new V1Pod(), {
      metadata: {
        name: 'web-5d8f-abcde',
        namespace: 'shop',
        uid: 'pod-uid',
        labels: { app: 'web' },
        creationTimestamp: new Date('2025-01-02T03:04:05Z'),
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', uid: 'rs-uid', controller: true },
        ],
        managedFields: [{ manager: 'kubectl', operation: 'Update' }],
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"env":"debug-literal"}',
          note: 'kept',
        },
      },
      spec: podSpec(),
    });
    const resource = toResource(pods, 'prod', pod, AT);
    assert.equal(resource.uid, 'k8s://prod/core/v1/Pod/shop/web-5d8f-abcde');
    assert.deepEqual(
      [resource.type, resource.id, resource.name, resource.account, resource.namespace, resource.provider],
      ['kubernetes_pod', 'pod-uid', 'web-5d8f-abcde', 'prod', 'shop', 'kubernetes'],
    );
    assert.deepEqual(resource.tags, { app: 'web' });
    assert.deepEqual(resource.configuration.owner, {
      uid: 'k8s://prod/apps/v1/ReplicaSet/shop/web-5d8f',
      kind: 'ReplicaSet',
      name: 'web-5d8f',
      id: 'rs-uid',
    });
    const text = JSON.stringify(resource);
    assert.ok(!text.includes('debug-literal') && !text.includes('init-literal'), text);
    const config = resource.configuration as {
      spec: ReturnType<typeof podSpec>;
      metadata: Record<string, unknown>;
    };
    assert.deepEqual(config.spec.containers[0]?.env, [
      { name: 'LOG_LEVEL', value: '(redacted)' },
      { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 'keys', key: 'api' } } },
    ]);
    assert.deepEqual(config.spec.initContainers[0]?.env, [{ name: 'SEED', value: '(redacted)' }]);
    assert.equal(config.metadata.managedFields, undefined);
    assert.deepEqual(config.metadata.annotations, {
      'kubectl.kubernetes.io/last-applied-configuration': '(redacted)',
      note: 'kept',
    });
    assert.equal(config.metadata.creationTimestamp, '2025-01-02T03:04:05.000Z');
    assert.deepEqual([resource.configuration.apiVersion, resource.configuration.kind], ['v1', 'Pod']);
    assert.equal(pod.spec.containers[0]?.env[0]?.value, 'debug-literal', 'the object itself is not modified');
  });

  test("a ReplicaSet: its Deployment as owner, its template's env literals redacted", () => {
    const rs: V1ReplicaSet = {
      metadata: {
        name: 'web-5d8f',
        namespace: 'shop',
        uid: 'rs-uid',
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true },
          { apiVersion: 'v1', kind: 'ConfigMap', name: 'not-a-controller', uid: 'c' },
        ],
      },
      spec: { selector: {}, template: { spec: podSpec() } },
    };
    const resource = toResource(replicaSets, 'prod', rs, AT);
    assert.equal(resource.uid, 'k8s://prod/apps/v1/ReplicaSet/shop/web-5d8f');
    assert.equal(
      (resource.configuration.owner as { uid: string }).uid,
      'k8s://prod/apps/v1/Deployment/shop/web',
    );
    assert.ok(!JSON.stringify(resource).includes('literal'));
  });

  test('a mirror pod owned by its Node: the owner is cluster-scoped; no controller, no owner', () => {
    const mirror = {
      metadata: {
        name: 'kube-proxy-n1',
        namespace: 'kube-system',
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'n1', uid: 'n-uid', controller: true }],
      },
    };
    assert.equal(
      (toResource(pods, 'prod', mirror, AT).configuration.owner as { uid: string }).uid,
      'k8s://prod/core/v1/Node/_/n1',
    );
    assert.equal(
      toResource(pods, 'prod', { metadata: { name: 'bare', namespace: 'x' } }, AT).configuration.owner,
      undefined,
    );
  });

  test('a Secret: keys and metadata only', () => {
    const secret: V1Secret = {
      metadata: { name: 'db', namespace: 'shop', uid: 's-uid', labels: { team: 'a' } },
      type: 'Opaque',
      data: { password: Buffer.from('hunter2-value').toString('base64'), user: 'YWRtaW4=' },
    };
    const resource = toResource(secrets, 'prod', secret, AT);
    assert.deepEqual(resource.configuration.data, { password: '(redacted)', user: '(redacted)' });
    assert.equal(resource.configuration.type, 'Opaque');
    assert.ok(!JSON.stringify(resource).includes('YWRtaW4='));
    assert.ok(!JSON.stringify(resource).includes(secret.data?.password as string));
  });

  test('cluster-scoped kinds have no namespace; other groups name their group', () => {
    const node = toResource(nodes, 'prod', { metadata: { name: 'n1', uid: 'u' } }, AT);
    assert.equal(node.uid, 'k8s://prod/core/v1/Node/_/n1');
    assert.equal(node.namespace, undefined);
    assert.equal(
      toResource(namespaces, 'prod', { metadata: { name: 'shop' } }, AT).uid,
      'k8s://prod/core/v1/Namespace/_/shop',
    );
    assert.equal(
      toResource(ingresses, 'prod', { metadata: { name: 'web', namespace: 'shop' } }, AT).uid,
      'k8s://prod/networking.k8s.io/v1/Ingress/shop/web',
    );
  });
});
