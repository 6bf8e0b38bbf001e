/**
 * The Kubernetes collector through the library API (ConcurrentScanner) against the simulator,
 * under the faults a real API server produces: throttling (429 + Retry-After), 5xx and reset
 * connections, continue tokens expiring mid-list (410), RBAC that forbids a kind or a
 * cluster-wide list, and in-cluster configuration.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Profile } from '../../sim/index.ts';
import { type Simulator, startSimulator } from '../../sim/index.ts';
import { KubernetesCollector } from '../../src/collectors/kubernetes/index.ts';
import type { Collector, CollectorConfig } from '../../src/scanner/collector.ts';
import { ConcurrentScanner } from '../../src/scanner/concurrent-scanner.ts';
import {
  addContext,
  countsByType,
  forbiddingProxy,
  kubeconfigCopy,
  kubernetesTruth,
  uidTypes,
} from '../helpers/kubernetes.ts';

const CONTEXTS = ['ctx-prod-eu', 'ctx-staging-us'];
const SEED = 9;

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wgo-k8s-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** Starts a simulator for one test and stops it after. */
async function simulator(
  t: { after(fn: () => Promise<void>): void },
  profile: Profile = {},
): Promise<Simulator> {
  const sim = await startSimulator({ resources: 10_000, seed: SEED, profile });
  t.after(() => sim.close());
  return sim;
}

function config(kubeconfig: string, contexts = CONTEXTS): CollectorConfig {
  return { config: { kubeconfig, contexts } };
}

/** Scans with `collector` registered as `kubernetes`; returns the result and the pool's figures. */
async function scanWith(collector: Collector, providerConfig: CollectorConfig) {
  const scanner = new ConcurrentScanner();
  scanner.registerProvider('kubernetes', collector);
  try {
    const result = await scanner.scanAllProviders({ providers: { kubernetes: providerConfig } });
    return { result, connections: scanner.getStats().connections };
  } finally {
    await scanner.close();
  }
}

async function simStats(sim: Simulator) {
  return (await (await fetch(sim.stats)).json()) as {
    providers: {
      kubernetes: { throttled: number; failed: number; apis: Record<string, { failed: number }> };
    };
  };
}

describe('KubernetesCollector against the simulator', () => {
  test('throttling (429 + Retry-After), 5xx and reset connections, small pages: nothing lost, nothing twice', async (t) => {
    const sim = await simulator(t, {
      rateLimits: [{ match: { provider: 'kubernetes' }, ratePerSecond: 8, burst: 3 }],
      faults: [{ match: { provider: 'kubernetes' }, errorRate: 0.05, resetRate: 0.02 }],
      maxPageSize: { 'core:pods.list': 60, 'apps:replicasets.list': 60, 'core:configmaps.list': 60 },
    });
    const { result, connections } = await scanWith(new KubernetesCollector(), config(sim.kubeconfig));
    const kubernetes = result.providerResults.kubernetes;
    assert.equal(kubernetes?.status, 'ok', JSON.stringify(kubernetes?.errors));
    const truth = await kubernetesTruth(sim);
    assert.deepEqual(uidTypes(result.snapshot?.resources ?? []), truth);
    assert.deepEqual(kubernetes?.resources, countsByType(truth));
    const served = (await simStats(sim)).providers.kubernetes;
    t.diagnostic(
      `calls ${kubernetes?.apiCalls}, retries ${kubernetes?.retries}, throttled ${kubernetes?.throttled}; simulator failed ${served.failed}`,
    );
    assert.ok(
      served.throttled > 0 && served.failed > 0,
      `the simulator throttled ${served.throttled} and failed ${served.failed}`,
    );
    assert.ok((kubernetes?.throttled ?? 0) > 0, 'throttling was seen');
    assert.ok((kubernetes?.retries ?? 0) >= served.throttled, 'every refused request was retried');
    assert.ok(
      connections.socketsOpened < connections.requests / 2,
      `keep-alive: ${connections.socketsOpened} sockets for ${connections.requests} requests`,
    );
  });

  test('410 Gone mid-list: a fresh list, and every object exactly once', async (t) => {
    // Four pages of pods per cluster: whichever request follows the expiry carries an old token.
    const sim = await simulator(t, { maxPageSize: { 'core:pods.list': 200 } });
    let expired = 0;
    const collector = new KubernetesCollector();
    // Expire every continue token as the first page of pods arrives, before the second is asked for.
    const expiring: Collector = {
      collect: (providerConfig, ctx) =>
        collector.collect(providerConfig, {
          ...ctx,
          emit(batch) {
            if (expired === 0 && batch.some((r) => r.type === 'kubernetes_pod')) {
              sim.expireContinueTokens();
              expired++;
            }
            ctx.emit(batch);
          },
        }),
    };
    const { result } = await scanWith(expiring, config(sim.kubeconfig));
    assert.equal(expired, 1);
    const gone = (await simStats(sim)).providers.kubernetes.apis['core:pods.list']?.failed ?? 0;
    assert.ok(gone >= 1, `pods lists answered 410 ${gone} times`);
    assert.equal(
      result.providerResults.kubernetes?.status,
      'ok',
      JSON.stringify(result.providerResults.kubernetes?.errors),
    );
    const truth = await kubernetesTruth(sim);
    assert.deepEqual(uidTypes(result.snapshot?.resources ?? []), truth);
    assert.deepEqual(result.providerResults.kubernetes?.resources, countsByType(truth), 'counted once');
  });

  test('a forbidden kind: partial, one error per context naming it, every other kind complete', async (t) => {
    const sim = await simulator(t, { deny: [{ match: { provider: 'kubernetes', api: 'secrets.list' } }] });
    const { result } = await scanWith(new KubernetesCollector(), config(sim.kubeconfig));
    const kubernetes = result.providerResults.kubernetes;
    assert.equal(kubernetes?.status, 'partial');
    assert.deepEqual(
      kubernetes?.errors.map((e) => [e.scope, e.api, e.code]),
      CONTEXTS.map((context) => [context, 'core/v1/secrets:list', 'Forbidden']),
    );
    for (const error of kubernetes?.errors ?? []) {
      assert.match(error.message, /^secrets is forbidden in 10 of 10 namespaces: /);
    }
    const truth = (await kubernetesTruth(sim)).filter((line) => !line.endsWith(' kubernetes_secret'));
    assert.deepEqual(uidTypes(result.snapshot?.resources ?? []), truth);

    const scanner = new ConcurrentScanner();
    scanner.registerProvider('kubernetes', new KubernetesCollector());
    const report = (await scanner.validateProviders({ providers: { kubernetes: config(sim.kubeconfig) } }))
      .kubernetes;
    await scanner.close();
    assert.equal(report?.status, 'failed');
    assert.deepEqual(
      report?.checks.map((check) => [check.scope, check.ok, check.message.replace(/^.*: may/, 'may')]),
      CONTEXTS.map((context) => [context, false, 'may list 13 of 14 kinds; cannot list secrets (forbidden)']),
    );
  });

  test('a cluster-wide list forbidden by RBAC falls back to each namespace; a forbidden namespace is reported', async (t) => {
    const sim = await simulator(t);
    const proxy = await forbiddingProxy(
      sim,
      (path) => path === '/api/v1/pods' || path === '/api/v1/namespaces/kube-system/pods',
    );
    t.after(() => proxy.close());
    const kubeconfig = await kubeconfigCopy(sim, join(dir, 'via-proxy.yaml'), (doc) => {
      for (const cluster of doc.clusters) cluster.cluster.server = proxy.url;
    });
    const { result } = await scanWith(new KubernetesCollector(), config(kubeconfig, ['ctx-prod-eu']));
    const kubernetes = result.providerResults.kubernetes;
    assert.equal(kubernetes?.status, 'partial');
    assert.deepEqual(kubernetes?.errors, [
      {
        scope: 'ctx-prod-eu',
        api: 'core/v1/pods:list',
        code: 'Forbidden',
        message: 'pods is forbidden in 1 of 10 namespaces: kube-system',
      },
    ]);
    const truth = (await kubernetesTruth(sim, 'prod-eu')).filter(
      (line) => !line.includes('/Pod/kube-system/'),
    );
    assert.ok(truth.some((line) => line.includes('/Pod/')));
    assert.deepEqual(uidTypes(result.snapshot?.resources ?? []), truth);
  });

  test('credentials the server refuses: one error for that context, the other context complete', async (t) => {
    const sim = await simulator(t);
    const kubeconfig = await kubeconfigCopy(sim, join(dir, 'bad-token.yaml'), (doc) => {
      const user = doc.users.find((entry) => entry.name === 'scanner@prod-eu');
      if (user) user.user.token = 'not-a-token-the-simulator-issued';
    });
    const { result } = await scanWith(new KubernetesCollector(), config(kubeconfig));
    const kubernetes = result.providerResults.kubernetes;
    assert.equal(kubernetes?.status, 'partial');
    assert.deepEqual(
      kubernetes?.errors.map((e) => [e.scope, e.code, e.message]),
      [['ctx-prod-eu', 'Unauthorized', 'Unauthorized: the server refused the credentials']],
    );
    assert.deepEqual(uidTypes(result.snapshot?.resources ?? []), await kubernetesTruth(sim, 'staging-us'));
  });

  test('a context whose server accepts connections but never answers: bounded, reported alone', async (t) => {
    const sim = await simulator(t);
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    t.after(() => {
      for (const socket of sockets) socket.destroy();
      silent.close();
    });
    const kubeconfig = await kubeconfigCopy(sim, join(dir, 'silent.yaml'), (doc) =>
      addContext(doc, 'ctx-silent', `https://127.0.0.1:${(silent.address() as AddressInfo).port}`),
    );
    const started = performance.now();
    const { result } = await scanWith(
      new KubernetesCollector({ probeTimeoutMs: 150 }),
      config(kubeconfig, ['ctx-silent', 'ctx-staging-us']),
    );
    const kubernetes = result.providerResults.kubernetes;
    assert.ok(performance.now() - started < 10_000, 'well before the 60 s idle timeout of each attempt');
    assert.equal(kubernetes?.status, 'partial');
    assert.deepEqual(
      kubernetes?.errors.map((e) => [e.scope, e.api, e.code]),
      [['ctx-silent', 'version', 'ETIMEDOUT']],
    );
    assert.match(
      kubernetes?.errors[0]?.message ?? '',
      /^no answer from https:\/\/127\.0\.0\.1:\d+ in 150 ms$/,
    );
    assert.deepEqual(uidTypes(result.snapshot?.resources ?? []), await kubernetesTruth(sim, 'staging-us'));
  });

  test("in a pod: the service account's token and CA, the cluster named inCluster", async (t) => {
    const sim = await simulator(t);
    const root = join(dir, 'pod');
    const account = join(root, 'var/run/secrets/kubernetes.io/serviceaccount');
    await mkdir(account, { recursive: true });
    const token = /token: (\S+)/.exec(await readFile(sim.kubeconfig, 'utf8'))?.[1] as string;
    await writeFile(join(account, 'token'), token);
    await writeFile(
      join(account, 'ca.crt'),
      await readFile(new URL('../../sim/kubernetes/tls/ca.crt', import.meta.url)),
    );
    const url = new URL(sim.kubernetes);
    const env = { KUBERNETES_SERVICE_HOST: url.hostname, KUBERNETES_SERVICE_PORT: url.port };
    // client-node's in-cluster loader reads the two variables from the process itself.
    Object.assign(process.env, env);
    t.after(() => {
      delete process.env.KUBERNETES_SERVICE_HOST;
      delete process.env.KUBERNETES_SERVICE_PORT;
    });
    const collector = new KubernetesCollector({
      env: { ...env, HOME: join(dir, 'no-home') },
      serviceAccountRoot: root,
    });
    const { result } = await scanWith(collector, {});
    assert.equal(
      result.providerResults.kubernetes?.status,
      'ok',
      JSON.stringify(result.providerResults.kubernetes?.errors),
    );
    const prod = await kubernetesTruth(sim, 'prod-eu');
    assert.deepEqual(
      uidTypes(result.snapshot?.resources ?? []),
      prod.map((line) => line.replace('k8s://prod-eu/', 'k8s://inCluster/')).sort(),
    );
  });

  test('no kubeconfig and not in a pod: skipped', async () => {
    const collector = new KubernetesCollector({ env: { HOME: join(dir, 'no-home') } });
    const { result } = await scanWith(collector, {});
    assert.equal(result.providerResults.kubernetes?.status, 'skipped');
    assert.match(result.providerResults.kubernetes?.errors[0]?.message ?? '', /^no kubeconfig/);
  });
});
