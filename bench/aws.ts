/**
 * AWS collector benchmark (issue 4), with the simulator in its own process:
 *
 * A. The same inventory (2 accounts × 3 regions) at the standard latency (40 ms per request):
 *    wall time with API concurrency 1 (sequential) against the default and higher settings, and
 *    sockets opened against requests sent.
 * B. Under a simulated EC2 rate limit (one account, one region, small pages so there is demand):
 *    the achieved request rate as a share of the limit and the throttled calls, for a limit
 *    below the limiter's starting rate (it must come down) and one above (it must climb).
 *
 * Every run is checked against the simulator's truth. Usage: node bench/aws.ts [resources]
 * (default 10000); prints one JSON object.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSimulator } from '../sim/spawn.ts';
import { EC2_KINDS } from '../src/collectors/aws/ec2.ts';
import { AwsCollector } from '../src/collectors/aws/index.ts';
import { ConcurrentScanner } from '../src/scanner/concurrent-scanner.ts';
import { compareToTruth, readTruth, type TruthLine } from './truth.ts';

const resources = Number(process.argv[2] ?? 10_000);
const EC2_TYPES = EC2_KINDS.map((kind) => kind.type);

interface Run {
  readonly wallMs: number;
  readonly resources: number;
  readonly apiCalls: number;
  readonly retries: number;
  readonly throttled: number;
  readonly socketsOpened: number;
  readonly requests: number;
  readonly missing: number;
  readonly unexpected: number;
}

async function scan(
  env: NodeJS.ProcessEnv,
  config: Record<string, unknown>,
  apiConcurrency: number | undefined,
  truth: readonly TruthLine[],
  types?: string[],
): Promise<Run> {
  const scanner = new ConcurrentScanner({ env });
  scanner.registerProvider('aws', new AwsCollector(env));
  const started = performance.now();
  const result = await scanner.scanAllProviders({
    providers: { aws: { config, ...(apiConcurrency ? { apiConcurrency } : {}) } },
    ...(types ? { types } : {}),
  });
  const wallMs = performance.now() - started;
  const aws = result.providerResults.aws;
  if (aws?.status !== 'ok') throw new Error(`scan ended ${aws?.status}: ${JSON.stringify(aws?.errors)}`);
  const { connections } = scanner.getStats();
  await scanner.close();
  const found = result.snapshot?.resources ?? [];
  return {
    wallMs: Math.round(wallMs),
    resources: found.length,
    apiCalls: aws.apiCalls,
    retries: aws.retries,
    throttled: aws.throttled,
    socketsOpened: connections.socketsOpened,
    requests: connections.requests,
    ...compareToTruth(found, truth),
  };
}

async function withSimulator<T>(
  args: string[],
  profile: object,
  run: (env: NodeJS.ProcessEnv, info: Awaited<ReturnType<typeof spawnSimulator>>['info']) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'wgo-bench-'));
  const file = join(dir, 'profile.json');
  await writeFile(file, JSON.stringify(profile));
  const sim = await spawnSimulator([...args, '--profile', file]);
  try {
    const env = {
      ...process.env,
      AWS_CONFIG_FILE: sim.info.awsConfigFile,
      AWS_SHARED_CREDENTIALS_FILE: sim.info.awsCredentialsFile,
    };
    return await run(env, sim.info);
  } finally {
    await sim.stop();
  }
}

const LATENCY = { latency: { fixedMs: 40 } };

const concurrency = await withSimulator(
  ['--resources', String(resources), '--seed', '7'],
  LATENCY,
  async (env, info) => {
    const truth = await readTruth(info.truth, 'aws');
    const config = { profiles: info.awsProfiles, allRegions: true };
    const runs: Record<string, Run> = {};
    for (const setting of [1, 8, 16, 32, 64])
      runs[`apiConcurrency=${setting}`] = await scan(env, config, setting, truth);
    return { awsResources: truth.length, runs };
  },
);

/**
 * One account and region, EC2 only, pages of `pageSize` so the scan wants far more than the
 * limit (6 calls in flight at 40 ms is 150 calls/s). The share of the limit leaves out the
 * simulator's initial burst allowance, which any client gets for free.
 */
async function rateLimited(limit: number, size: number, pageSize: number) {
  const apis = [
    'Instances',
    'Volumes',
    'Snapshots',
    'SecurityGroups',
    'Subnets',
    'Vpcs',
    'RouteTables',
    'InternetGateways',
  ];
  const profile = {
    ...LATENCY,
    rateLimits: [{ match: { provider: 'aws', service: 'ec2' }, ratePerSecond: limit, burst: limit }],
    maxPageSize: Object.fromEntries(apis.map((api) => [`ec2:Describe${api}`, pageSize])),
  };
  return withSimulator(['--resources', String(size), '--seed', '7'], profile, async (env, info) => {
    const [profileName] = info.awsProfiles;
    const [region] = info.awsRegions;
    const account = profileName?.replace('sim-', '');
    const truth = (await readTruth(info.truth, 'aws')).filter(
      (line) =>
        EC2_TYPES.includes(line.type) &&
        line.account === account &&
        line.uid.startsWith(`arn:aws:ec2:${region}:`),
    );
    const run = await scan(env, { profiles: [profileName], regions: [region] }, undefined, truth, EC2_TYPES);
    const ec2Calls = run.apiCalls - 1;
    const served = ec2Calls - run.throttled;
    const steady = (served - limit) / (run.wallMs / 1000);
    return {
      limitPerSecond: limit,
      pageSize,
      ...run,
      ec2Calls,
      throttledShare: +(run.throttled / ec2Calls).toFixed(3),
      servedPerSecond: +steady.toFixed(1),
      shareOfLimit: +(steady / limit).toFixed(3),
    };
  });
}

const rateLimit = {
  belowStart: await rateLimited(10, 40_000, 10),
  aboveStart: await rateLimited(50, 40_000, 5),
};

process.stdout.write(
  `${JSON.stringify({ bench: 'aws', resources, latencyMs: 40, concurrency, rateLimit })}\n`,
);
