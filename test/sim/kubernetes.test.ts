/**
 * Kubernetes through @kubernetes/client-node and kubectl with the simulator's kubeconfig: every
 * object of every context agrees with the truth; paging, auth and the Table format behave as an
 * API server's do.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { AppsV1Api, CoreV1Api, KubeConfig, NetworkingV1Api } from '@kubernetes/client-node';
import { type Simulator, startSimulator } from '../../sim/index.ts';
import { hasTool, readTruth, sorted, uidsOf } from './helpers.ts';

const run = promisify(execFile);
let sim: Simulator;
let cacheDir: string;

before(async () => {
  sim = await startSimulator({ resources: 3000, seed: 21 });
  cacheDir = await mkdtemp(join(tmpdir(), 'wgo-kubectl-cache-'));
});
after(async () => {
  await sim.close();
  await rm(cacheDir, { recursive: true, force: true });
});

interface Listed {
  /** client-node names the list's `continue` field `_continue`. */
  metadata?: { _continue?: string };
  items: { metadata?: { name?: string; namespace?: string; uid?: string } }[];
}

function client(context: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(sim.kubeconfig);
  kc.setCurrentContext(context);
  return kc;
}

/** Pages through one list with limit/continue. */
async function listAll(
  call: (page: { limit: number; _continue?: string }) => Promise<Listed>,
): Promise<Listed['items']> {
  const items: Listed['items'] = [];
  let token: string | undefined;
  do {
    const page = await call({ limit: 37, ...(token ? { _continue: token } : {}) });
    items.push(...page.items);
    token = page.metadata?._continue;
  } while (token);
  return items;
}

describe('@kubernetes/client-node', () => {
  test('every object of every context is listed cluster-wide, as the truth says', async () => {
    for (const context of sim.kubeContexts) {
      const kc = client(context);
      const cluster = kc.getCurrentCluster()?.name as string;
      assert.notEqual(cluster, context, 'context names differ from cluster names');
      const core = kc.makeApiClient(CoreV1Api);
      const apps = kc.makeApiClient(AppsV1Api);
      const net = kc.makeApiClient(NetworkingV1Api);
      const lists: [string, (p: { limit: number; _continue?: string }) => Promise<Listed>][] = [
        ['core/v1/Namespace', (p) => core.listNamespace(p)],
        ['core/v1/Node', (p) => core.listNode(p)],
        ['core/v1/PersistentVolume', (p) => core.listPersistentVolume(p)],
        ['core/v1/Pod', (p) => core.listPodForAllNamespaces(p)],
        ['core/v1/Service', (p) => core.listServiceForAllNamespaces(p)],
        ['core/v1/ConfigMap', (p) => core.listConfigMapForAllNamespaces(p)],
        ['core/v1/Secret', (p) => core.listSecretForAllNamespaces(p)],
        ['core/v1/PersistentVolumeClaim', (p) => core.listPersistentVolumeClaimForAllNamespaces(p)],
        ['core/v1/ServiceAccount', (p) => core.listServiceAccountForAllNamespaces(p)],
        ['apps/v1/Deployment', (p) => apps.listDeploymentForAllNamespaces(p)],
        ['apps/v1/ReplicaSet', (p) => apps.listReplicaSetForAllNamespaces(p)],
        ['apps/v1/StatefulSet', (p) => apps.listStatefulSetForAllNamespaces(p)],
        ['apps/v1/DaemonSet', (p) => apps.listDaemonSetForAllNamespaces(p)],
        ['networking.k8s.io/v1/Ingress', (p) => net.listIngressForAllNamespaces(p)],
      ];
      const seen: string[] = [];
      for (const [gvk, list] of lists) {
        for (const item of await listAll(list))
          seen.push(`k8s://${cluster}/${gvk}/${item.metadata?.namespace ?? '_'}/${item.metadata?.name}`);
      }
      const truth = uidsOf(await readTruth(sim.truth, { provider: 'kubernetes', account: cluster }));
      assert.ok(truth.length > 300);
      assert.deepEqual(sorted(seen), truth);
    }
  });

  test('pods are owned by ReplicaSets owned by Deployments, or by StatefulSets, with matching uids', async () => {
    const kc = client(sim.kubeContexts[0] as string);
    const core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    // A namespace with StatefulSets; elsewhere their share of pods are bare pods, as `kubectl run` makes.
    const namespace = (await apps.listStatefulSetForAllNamespaces()).items[0]?.metadata?.namespace as string;
    const pods = (await core.listNamespacedPod({ namespace })).items;
    const sets = new Map(
      (await apps.listNamespacedReplicaSet({ namespace })).items.map((r) => [r.metadata?.uid, r]),
    );
    const deployments = new Map(
      (await apps.listNamespacedDeployment({ namespace })).items.map((d) => [d.metadata?.uid, d]),
    );
    const statefulSets = new Map(
      (await apps.listNamespacedStatefulSet({ namespace })).items.map((s) => [s.metadata?.uid, s]),
    );
    const ownedBy = new Map<string, number>();
    for (const pod of pods) {
      const owner = pod.metadata?.ownerReferences?.[0];
      ownedBy.set(owner?.kind ?? 'none', (ownedBy.get(owner?.kind ?? 'none') ?? 0) + 1);
      assert.ok(owner, `${pod.metadata?.name} in ${namespace} has an owner`);
      if (owner?.kind === 'StatefulSet') {
        assert.equal(statefulSets.get(owner.uid)?.metadata?.name, owner.name);
        assert.match(pod.metadata?.name ?? '', new RegExp(`^${owner.name}-\\d+$`));
        continue;
      }
      assert.equal(owner?.kind, 'ReplicaSet');
      const rs = sets.get(owner?.uid);
      assert.equal(rs?.metadata?.name, owner?.name);
      const deployment = deployments.get(rs?.metadata?.ownerReferences?.[0]?.uid);
      assert.equal(deployment?.metadata?.name, rs?.metadata?.ownerReferences?.[0]?.name);
      assert.ok(pod.metadata?.name?.startsWith(`${rs?.metadata?.name}-`));
      assert.ok(pod.spec?.containers[0]?.env?.some((e) => e.value !== undefined));
    }
    assert.ok(
      (ownedBy.get('ReplicaSet') ?? 0) > 0 && (ownedBy.get('StatefulSet') ?? 0) > 0,
      JSON.stringify([...ownedBy]),
    );
    const replicas = [...statefulSets.values()].reduce((n, s) => n + (s.spec?.replicas ?? 0), 0);
    assert.equal(replicas, ownedBy.get('StatefulSet'), 'StatefulSet replicas match their pods');
    const secrets = (await core.listNamespacedSecret({ namespace: 'checkout' })).items;
    assert.ok(secrets.length > 0 && secrets.every((s) => Object.keys(s.data ?? {}).length > 0));
  });

  test('an expired continue token gets 410 Gone with reason Expired', async () => {
    const core = client(sim.kubeContexts[0] as string).makeApiClient(CoreV1Api);
    const first = await core.listPodForAllNamespaces({ limit: 5 });
    const token = first.metadata?._continue;
    assert.ok(token);
    await core.listPodForAllNamespaces({ limit: 5, _continue: token });
    sim.expireContinueTokens();
    await assert.rejects(
      core.listPodForAllNamespaces({ limit: 5, _continue: token }),
      (error: { code?: number; body?: string }) => {
        assert.equal(error.code, 410);
        const status = JSON.parse(String(error.body));
        assert.equal(status.reason, 'Expired');
        assert.ok(status.metadata.continue, 'the 410 offers an inconsistent continuation');
        return true;
      },
    );
  });

  test('requests without the bearer token get a 401 Status', async () => {
    const ca = Buffer.from(client(sim.kubeContexts[0] as string).getCurrentCluster()?.caData ?? '', 'base64');
    const { status, body } = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      get(`${sim.kubernetes}/api/v1/pods`, { ca }, (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
      }).on('error', reject);
    });
    assert.equal(status, 401);
    assert.deepEqual(JSON.parse(body), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
  });
});

describe('kubectl', () => {
  const kubectl = (args: string[]) =>
    run('kubectl', ['--kubeconfig', sim.kubeconfig, '--cache-dir', cacheDir, ...args], {
      maxBuffer: 64 * 1024 * 1024,
    });

  test("get pods -A -o json lists the truth's pods of each context", async (t) => {
    if (!hasTool('kubectl')) return t.skip('kubectl not installed');
    for (const context of sim.kubeContexts) {
      const { stdout } = await kubectl([
        '--context',
        context,
        'get',
        'pods',
        '-A',
        '-o',
        'json',
        '--chunk-size',
        '50',
      ]);
      const cluster = context.replace(/^ctx-/, '');
      const pods = (JSON.parse(stdout) as Listed).items.map(
        (p) => `k8s://${cluster}/core/v1/Pod/${p.metadata?.namespace}/${p.metadata?.name}`,
      );
      const truth = uidsOf(await readTruth(sim.truth, { provider: 'kubernetes', account: cluster }), [
        'kubernetes_pod',
      ]);
      assert.ok(truth.length > 50);
      assert.deepEqual(sorted(pods), truth);
    }
  });

  test('the default table output comes from the Table format', async (t) => {
    if (!hasTool('kubectl')) return t.skip('kubectl not installed');
    const { stdout } = await kubectl(['get', 'deployments', '-n', 'checkout']);
    const [header, ...rows] = stdout.trim().split('\n');
    assert.match(header as string, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
    assert.ok(rows.length > 0);
    const { stdout: one } = await kubectl([
      'get',
      'namespace',
      'checkout',
      '-o',
      'jsonpath={.metadata.name}',
    ]);
    assert.equal(one, 'checkout');
  });
});
