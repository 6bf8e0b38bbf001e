/**
 * Kubernetes collector benchmark: the simulator in its own process with the standard profile
 * (`bench/profiles/standard.json`: 40 ms per request), at each size N (default 10,000 and
 * 100,000 resources: about 40 % are Kubernetes objects, over 2 clusters), every kind of both
 * contexts scanned
 *
 * - per-kind parallel: the collector's default API concurrency (one job per context × kind);
 * - sequential: `--api-concurrency 1` (CONTRACT.md's baseline), one list at a time;
 * - stock transport: a sequential pod list with client-node's own transport, for its sockets.
 *
 * Each scan runs `runs` times (default 3; the median wall time is reported) after one warm-up.
 * Prints one JSON object on its last line. `node bench/kubernetes.ts [N,N...] [runs]`, or
 * `npm run bench -- kubernetes`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import { fileURLToPath } from 'node:url';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { KubernetesCollector } from '../src/collectors/kubernetes/index.ts';
import { ConcurrentScanner } from '../src/scanner/concurrent-scanner.ts';

const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 3);
const PROFILE = fileURLToPath(new URL('profiles/standard.json', import.meta.url));

interface SimInfo {
  readonly kubeconfig: string;
  readonly kubeContexts: string[];
  readonly stats: string;
}

async function startSim(resources: number): Promise<{ child: ChildProcess; info: SimInfo }> {
  const child = spawn(process.execPath, [
    fileURLToPath(new URL('../sim/main.ts', import.meta.url)),
    '--resources',
    String(resources),
    '--seed',
    '7',
    '--profile',
    PROFILE,
  ]);
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { child, info: JSON.parse(line) as SimInfo };
}

/** Requests the simulator has served to Kubernetes clients. */
async function served(info: SimInfo): Promise<number> {
  const stats = (await (await fetch(info.stats)).json()) as {
    providers: { kubernetes?: { requests: number } };
  };
  return stats.providers.kubernetes?.requests ?? 0;
}

interface Figures {
  readonly apiConcurrency: number;
  readonly wallMs: number;
  readonly wallMsRuns: number[];
  readonly resources: number;
  readonly requests: number;
  readonly socketsOpened: number;
}

async function scanOnce(info: SimInfo, apiConcurrency: number | undefined) {
  const scanner = new ConcurrentScanner();
  scanner.registerProvider('kubernetes', new KubernetesCollector());
  const before = await served(info);
  const started = performance.now();
  const result = await scanner.scanAllProviders({
    providers: {
      kubernetes: {
        config: { kubeconfig: info.kubeconfig, contexts: info.kubeContexts },
        ...(apiConcurrency ? { apiConcurrency } : {}),
      },
    },
  });
  const wallMs = performance.now() - started;
  const kubernetes = result.providerResults.kubernetes;
  if (kubernetes?.status !== 'ok')
    throw new Error(`scan ${kubernetes?.status}: ${JSON.stringify(kubernetes?.errors)}`);
  const connections = scanner.getStats().connections;
  await scanner.close();
  return {
    wallMs,
    resources: result.snapshot?.resources.length ?? 0,
    requests: (await served(info)) - before,
    socketsOpened: connections.socketsOpened,
  };
}

async function measure(info: SimInfo, apiConcurrency: number | undefined): Promise<Figures> {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await scanOnce(info, apiConcurrency));
  const walls = all.map((run) => Math.round(run.wallMs));
  const median = [...walls].sort((a, b) => a - b)[Math.floor(walls.length / 2)] as number;
  const last = all.at(-1) as (typeof all)[number];
  return {
    apiConcurrency: apiConcurrency ?? new KubernetesCollector().defaultApiConcurrency,
    wallMs: median,
    wallMsRuns: walls,
    resources: last.resources,
    requests: last.requests,
    socketsOpened: last.socketsOpened,
  };
}

/** client-node's own transport (undici): connections it opens for a paged pod list. */
async function stockTransport(info: SimInfo): Promise<{ requests: number; connections: number }> {
  let connections = 0;
  subscribe('undici:client:connected', () => {
    connections++;
  });
  const kc = new KubeConfig();
  kc.loadFromFile(info.kubeconfig);
  kc.setCurrentContext(info.kubeContexts[0] as string);
  const core = kc.makeApiClient(CoreV1Api);
  let requests = 0;
  let token: string | undefined;
  do {
    const page = await core.listPodForAllNamespaces({ limit: 500, ...(token ? { _continue: token } : {}) });
    requests++;
    token = page.metadata?._continue;
  } while (token);
  return { requests, connections };
}

/** Both variants at one size, with the simulator started for it. */
async function atSize(resources: number) {
  const sim = await startSim(resources);
  try {
    await scanOnce(sim.info, undefined); // warm-up: module load, JIT, the simulator's first pages
    const sequential = await measure(sim.info, 1);
    const parallel = await measure(sim.info, undefined);
    return {
      simulatorResources: resources,
      contexts: sim.info.kubeContexts.length,
      kubernetesResources: parallel.resources,
      parallel,
      sequential,
      speedup: +(sequential.wallMs / parallel.wallMs).toFixed(2),
      stock: resources === sizes.at(-1) ? await stockTransport(sim.info) : undefined,
    };
  } finally {
    sim.child.kill('SIGTERM');
  }
}

const results = [];
for (const resources of sizes) results.push(await atSize(resources));
process.stdout.write(
  `${JSON.stringify({
    bench: 'kubernetes',
    latencyMsPerRequest: 40,
    pageSize: 500,
    runs,
    sizes: results.map(({ stock: _, ...figures }) => figures),
    stockClientNodePodList: results.at(-1)?.stock,
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  })}\n`,
);
