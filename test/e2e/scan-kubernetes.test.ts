/**
 * `wgo scan --provider kubernetes` and `wgo validate` through the real CLI against the simulator
 * (10,000 resources, 2 clusters), compared with the simulator's truth and with kubectl.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { type Simulator, startSimulator } from '../../sim/index.ts';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { hasStackTrace, runCli } from '../helpers/cli.ts';
import {
  addContext,
  clusterOf,
  countsByType,
  kubeconfigCopy,
  kubernetesTruth,
  secretMaterial,
  uidTypes,
} from '../helpers/kubernetes.ts';
import { assertValidSnapshot } from '../helpers/schema.ts';
import { hasTool } from '../sim/helpers.ts';

const CONTEXTS = ['ctx-prod-eu', 'ctx-staging-us'];
/** The kinds of the contract, as kubectl names them. */
const KUBECTL_KINDS = [
  'namespaces',
  'nodes',
  'persistentvolumes',
  'pods',
  'services',
  'configmaps',
  'secrets',
  'persistentvolumeclaims',
  'serviceaccounts',
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'daemonsets.apps',
  'ingresses.networking.k8s.io',
].join(',');

let sim: Simulator;
let dir: string;

before(async () => {
  sim = await startSimulator({ resources: 10_000, seed: 5 });
  dir = await mkdtemp(join(tmpdir(), 'wgo-e2e-k8s-'));
});
after(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const contextArgs = (contexts: readonly string[]) => contexts.flatMap((context) => ['--context', context]);

function scan(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return runCli(['scan', '--provider', 'kubernetes', ...args], { env });
}

async function statsOf(): Promise<Record<string, { requests: number; failed: number }>> {
  const report = (await (await fetch(sim.stats)).json()) as {
    providers: { kubernetes?: { apis: Record<string, { requests: number; failed: number }> } };
  };
  return report.providers.kubernetes?.apis ?? {};
}

describe('wgo scan --provider kubernetes', () => {
  let snapshot: Snapshot;

  before(async () => {
    const result = await scan(['--kubeconfig', sim.kubeconfig, ...contextArgs(CONTEXTS), '-o', 'json']);
    assert.equal(result.code, 0, result.stderr);
    snapshot = JSON.parse(result.stdout) as Snapshot;
  });

  test('two contexts: exactly the truth (uids and types), each cluster its account, a valid snapshot', async () => {
    assertValidSnapshot(snapshot);
    const truth = await kubernetesTruth(sim);
    assert.ok(truth.length > 3_900, `${truth.length} Kubernetes resources at 10,000`);
    assert.deepEqual(uidTypes(snapshot.resources), truth);
    assert.deepEqual(
      snapshot.providers.kubernetes?.resources,
      countsByType(truth),
      'no object counted twice',
    );
    assert.equal(snapshot.providers.kubernetes?.status, 'ok');
    assert.deepEqual([...new Set(snapshot.resources.map((r) => r.account))].sort(), [
      'prod-eu',
      'staging-us',
    ]);
    assert.ok(snapshot.resources.every((r) => r.provider === 'kubernetes' && r.id !== '' && r.name !== ''));
  });

  test('pods record their ReplicaSet or StatefulSet, ReplicaSets their Deployment, by wgo uid', () => {
    const uids = new Set(snapshot.resources.map((r) => r.uid));
    const owned = snapshot.resources.filter((r) => r.configuration.owner !== undefined);
    const ownerKinds = new Set(
      owned.map((r) => `${r.type}->${(r.configuration.owner as { kind: string }).kind}`),
    );
    assert.deepEqual([...ownerKinds].sort(), [
      'kubernetes_pod->ReplicaSet',
      'kubernetes_pod->StatefulSet',
      'kubernetes_replica_set->Deployment',
    ]);
    for (const resource of owned)
      assert.ok(uids.has((resource.configuration.owner as { uid: string }).uid), resource.uid);
  });

  test('equals what kubectl get -A -o json lists for the same kinds', async (t) => {
    if (!hasTool('kubectl')) return t.skip('kubectl not installed');
    const listed: string[] = [];
    for (const context of CONTEXTS) {
      const { stdout } = await promisify(execFile)(
        'kubectl',
        [
          '--kubeconfig',
          sim.kubeconfig,
          '--context',
          context,
          '--cache-dir',
          join(dir, 'kubectl-cache'),
          'get',
          KUBECTL_KINDS,
          '-A',
          '-o',
          'json',
        ],
        { maxBuffer: 256 * 2 ** 20 },
      );
      const cluster = clusterOf(sim, context);
      const items = (
        JSON.parse(stdout) as {
          items: { apiVersion: string; kind: string; metadata: { namespace?: string; name: string } }[];
        }
      ).items;
      for (const item of items) {
        const group = item.apiVersion.includes('/') ? item.apiVersion : `core/${item.apiVersion}`;
        listed.push(
          `k8s://${cluster}/${group}/${item.kind}/${item.metadata.namespace ?? '_'}/${item.metadata.name}`,
        );
      }
    }
    assert.deepEqual(
      listed.sort(),
      snapshot.resources.map((r) => r.uid),
    );
  });

  test('WGO_DEBUG=true: no Secret value and no env literal in the snapshot or on stderr', async () => {
    const secrets = [
      ...(await secretMaterial(sim, CONTEXTS[0] as string)),
      ...(await secretMaterial(sim, CONTEXTS[1] as string)),
    ];
    assert.ok(secrets.length > 500, `${secrets.length} secret values to look for`);
    const result = await scan(['--kubeconfig', sim.kubeconfig, ...contextArgs(CONTEXTS), '-o', 'json'], {
      WGO_DEBUG: 'true',
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /wgo: debug: kubernetes context answers/, 'debug logging is on');
    const leaked = secrets.filter((value) => result.stdout.includes(value) || result.stderr.includes(value));
    assert.deepEqual(leaked, []);
    const secret = (JSON.parse(result.stdout) as Snapshot).resources.find(
      (r) => r.type === 'kubernetes_secret',
    );
    assert.ok(Object.values(secret?.configuration.data as object).every((value) => value === '(redacted)'));
  });

  test('KUBECONFIG and no --context: the current context, one cluster', async () => {
    const result = await scan(['-o', 'json'], {
      KUBECONFIG: `${join(dir, 'missing.yaml')}:${sim.kubeconfig}`,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      uidTypes((JSON.parse(result.stdout) as Snapshot).resources),
      await kubernetesTruth(sim, 'prod-eu'),
    );
  });

  test('a context whose server is down fails alone: its one error, the other cluster complete (exit 1)', async () => {
    const kubeconfig = await kubeconfigCopy(sim, join(dir, 'with-dead.yaml'), (doc) =>
      addContext(doc, 'ctx-dead', 'https://127.0.0.1:1'),
    );
    const result = await scan([
      '--kubeconfig',
      kubeconfig,
      '--context',
      'ctx-dead',
      '--context',
      'ctx-staging-us',
      '-o',
      'json',
    ]);
    assert.equal(result.code, 1, result.stderr);
    const dead = JSON.parse(result.stdout) as Snapshot;
    assert.equal(dead.providers.kubernetes?.status, 'partial');
    assert.deepEqual(
      dead.providers.kubernetes?.errors.map((e) => [e.scope, e.api, e.code]),
      [['ctx-dead', 'version', 'ECONNREFUSED']],
    );
    assert.deepEqual(uidTypes(dead.resources), await kubernetesTruth(sim, 'staging-us'));
  });

  test('--types and --namespace: only those resources, and no call for any other kind', async () => {
    const before = await statsOf();
    const result = await scan([
      '--kubeconfig',
      sim.kubeconfig,
      '--context',
      'ctx-prod-eu',
      '--types',
      'kubernetes_pod,kubernetes_namespace',
      '--namespace',
      'checkout',
      '--namespace',
      'default',
      '-o',
      'json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const expected = (await kubernetesTruth(sim, 'prod-eu')).filter(
      (line) => /\/Pod\/(checkout|default)\//.test(line) || /\/Namespace\/_\/(checkout|default) /.test(line),
    );
    assert.ok(expected.length > 50);
    assert.deepEqual(uidTypes((JSON.parse(result.stdout) as Snapshot).resources), expected);
    const after = await statsOf();
    const called = Object.keys(after).filter((api) => after[api]?.requests !== before[api]?.requests);
    // The simulator counts /version (served before routing) as "(unrouted)".
    assert.deepEqual(called.sort(), ['(unrouted)', 'core:namespaces.get', 'core:pods.list']);
    const none = await scan(['--kubeconfig', sim.kubeconfig, '--types', 'aws_instance', '-o', 'json']);
    assert.equal(none.code, 0, none.stderr);
    assert.equal((JSON.parse(none.stdout) as Snapshot).providers.kubernetes?.apiCalls, 0);
    assert.deepEqual(await statsOf(), after, 'no Kubernetes type in scope: no request at all');
  });

  test('a malformed kubeconfig: one line naming the file and the problem, no stack trace, exit 2', async () => {
    const bad = join(dir, 'bad-kubeconfig.yaml');
    await writeFile(
      bad,
      'apiVersion: v1\nclusters:\n- name: a\n   cluster: {server: https://x}\nusers:\n- name: u\n  user: {token: not-for-your-eyes}\n',
    );
    const result = await scan(['--kubeconfig', bad]);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      `wgo: kubeconfig ${bad}:4:11: invalid YAML: bad indentation of a mapping entry\n`,
    );
    assert.ok(!hasStackTrace(result.stderr));
    const unknown = await scan(['--kubeconfig', sim.kubeconfig, '--context', 'ctx-nope']);
    assert.equal(unknown.code, 2);
    assert.equal(
      unknown.stderr,
      `wgo: kubeconfig ${sim.kubeconfig}: no context "ctx-nope" (contexts: ctx-prod-eu, ctx-staging-us)\n`,
    );
  });
});

describe('wgo validate --provider kubernetes', () => {
  test('per context: the server version and the kinds the credentials may list', async () => {
    const result = await runCli([
      'validate',
      '--provider',
      'kubernetes',
      '--kubeconfig',
      sim.kubeconfig,
      ...contextArgs(CONTEXTS),
    ]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(result.stdout.trimEnd().split('\n'), [
      `kubernetes: ok  ctx-prod-eu  v1.32.2 at ${sim.kubernetes} (cluster prod-eu): may list all 14 kinds`,
      `kubernetes: ok  ctx-staging-us  v1.32.2 at ${sim.kubernetes} (cluster staging-us): may list all 14 kinds`,
    ]);
  });

  test('a malformed kubeconfig fails its check with the same one line', async () => {
    const bad = join(dir, 'bad-for-validate.yaml');
    await writeFile(bad, 'clusters: [\n');
    const result = await runCli(['validate', '--provider', 'kubernetes', '--kubeconfig', bad]);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      new RegExp(`^kubernetes: FAIL  kubeconfig  kubeconfig ${bad}:\\d+:\\d+: invalid YAML: `),
    );
  });
});
