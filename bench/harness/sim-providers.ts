/**
 * The simulated estate as providers of the library API, for benchmarks that scan sets of them:
 * each provider's collector, its configuration, and the truth accounts it owns; and one scan of
 * a set, checked against the simulator's truth (a benchmark that lost a resource fails).
 */
import type { SimulatorInfo } from '../../sim/index.ts';
import { AwsCollector } from '../../src/collectors/aws/index.ts';
import { GcpCollector } from '../../src/collectors/gcp/index.ts';
import { KubernetesCollector } from '../../src/collectors/kubernetes/index.ts';
import type { Collector, CollectorConfig } from '../../src/scanner/collector.ts';
import { ConcurrentScanner } from '../../src/scanner/concurrent-scanner.ts';
import { compareToTruth, type TruthLine } from '../truth.ts';

/** One benchmark provider: its collector, its configuration, and which truth accounts it owns. */
export interface BenchProvider {
  readonly collector: () => Collector;
  readonly config: CollectorConfig;
  readonly account: (account: string) => boolean;
}

/**
 * One provider per AWS account and per cluster, and GCP's two projects as one: `aws-a`, `gcp`,
 * `kubernetes-a`, `aws-b`, `kubernetes-b`, in that order. `env` must point the SDKs at the
 * simulator (`simEnv`).
 */
export function simProviders(info: SimulatorInfo, env: NodeJS.ProcessEnv): Record<string, BenchProvider> {
  const [accountA, accountB] = info.awsProfiles;
  const [clusterA, clusterB] = info.kubeContexts;
  const aws = (profile: string | undefined): BenchProvider => ({
    collector: () => new AwsCollector(env),
    config: { config: { profiles: [profile], allRegions: true } },
    account: (a) => `sim-${a}` === profile,
  });
  const kubernetes = (context: string | undefined): BenchProvider => ({
    collector: () => new KubernetesCollector({ env }),
    config: { config: { kubeconfig: info.kubeconfig, contexts: [context] } },
    account: (a) => `ctx-${a}` === context,
  });
  return {
    'aws-a': aws(accountA),
    gcp: {
      collector: () => new GcpCollector(),
      config: { config: { projects: info.gcpProjects } },
      account: (a) => info.gcpProjects.includes(a),
    },
    'kubernetes-a': kubernetes(clusterA),
    'aws-b': aws(accountB),
    'kubernetes-b': kubernetes(clusterB),
  };
}

/**
 * One provider per cloud, each with every simulated account of it (both AWS profiles, both GCP
 * projects, both clusters), as `wgo scan --provider NAME` runs it: `aws`, `gcp`, `kubernetes`.
 */
export function simCloudProviders(
  info: SimulatorInfo,
  env: NodeJS.ProcessEnv,
): Record<string, BenchProvider> {
  return {
    aws: {
      collector: () => new AwsCollector(env),
      config: { config: { profiles: info.awsProfiles, allRegions: true } },
      account: (a) => info.awsProfiles.includes(`sim-${a}`),
    },
    gcp: {
      collector: () => new GcpCollector(),
      config: { config: { projects: info.gcpProjects } },
      account: (a) => info.gcpProjects.includes(a),
    },
    kubernetes: {
      collector: () => new KubernetesCollector({ env }),
      config: { config: { kubeconfig: info.kubeconfig, contexts: info.kubeContexts } },
      account: (a) => info.kubeContexts.includes(`ctx-${a}`),
    },
  };
}

/** How a set is scanned: `maxWorkers` providers at once, each with `apiConcurrency` calls in flight (default: the collector's). */
export interface Mode {
  readonly maxWorkers?: number;
  readonly apiConcurrency?: number;
}

/** What one scan of a set measured. */
export interface SetRun {
  readonly wallMs: number;
  readonly efficiencyRatio: number;
  readonly requests: number;
  readonly connections: number;
  readonly throttled: number;
  readonly resources: number;
  readonly providerMs: Record<string, number>;
}

/** Scans the providers `names` of `providers` in `mode`; throws unless every one is ok and the truth is met exactly. */
export async function scanSet(
  providers: Record<string, BenchProvider>,
  names: readonly string[],
  mode: Mode,
  truth: readonly TruthLine[],
): Promise<SetRun> {
  const scanner = new ConcurrentScanner(mode.maxWorkers ? { maxWorkers: mode.maxWorkers } : {});
  const chosen = names.map((name) => [name, providers[name] as BenchProvider] as const);
  for (const [name, provider] of chosen) scanner.registerProvider(name, provider.collector());
  const started = performance.now();
  const result = await scanner.scanAllProviders({
    providers: Object.fromEntries(
      chosen.map(([name, { config }]) => [
        name,
        mode.apiConcurrency ? { ...config, apiConcurrency: mode.apiConcurrency } : config,
      ]),
    ),
  });
  const wallMs = Math.round(performance.now() - started);
  const stats = scanner.getStats();
  await scanner.close();
  for (const [name, provider] of Object.entries(result.providerResults)) {
    if (provider.status !== 'ok')
      throw new Error(`${name} ended ${provider.status}: ${JSON.stringify(provider.errors)}`);
  }
  const expected = truth.filter((line) => chosen.some(([, provider]) => provider.account(line.account)));
  const check = compareToTruth(result.snapshot?.resources ?? [], expected);
  if (check.missing + check.unexpected > 0) throw new Error(`truth mismatch: ${JSON.stringify(check)}`);
  const results = Object.entries(result.providerResults);
  return {
    wallMs,
    efficiencyRatio: +result.efficiencyRatio.toFixed(2),
    requests: stats.connections.requests,
    connections: stats.connections.socketsOpened,
    throttled: results.reduce((sum, [, p]) => sum + p.throttled, 0),
    resources: result.snapshot?.resources.length ?? 0,
    providerMs: Object.fromEntries(results.map(([name, p]) => [name, Math.round(p.durationMs)])),
  };
}

/** The run with the median wall time. */
export function median<T extends { wallMs: number }>(runs: readonly T[]): T {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)] as T;
}
