/**
 * What a user would otherwise run: the same AWS and Kubernetes inventory listed with the `aws`
 * CLI and `kubectl`, one call after another, against the simulator (own process, 40 ms per
 * request), timed against `wgo scan --concurrent` for the same providers. Skips a tool that is
 * not installed, saying so in the result. Both sides count what they listed: the script the items
 * of the tools' JSON, wgo its snapshot checked against the simulator's truth.
 *
 * Usage: node bench/tools.ts [resources] (default 1000: a CLI call costs about a second).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { simEnv } from '../scripts/sim-scan.ts';
import { spawnSimulator } from '../sim/spawn.ts';
import { compareNdjsonToTruth } from './harness/compare-ndjson.ts';
import { runWgo } from './harness/wgo-process.ts';

const exec = promisify(execFile);
const resources = Number(process.argv[2] ?? 1000);
const PROFILE = fileURLToPath(new URL('./profiles/standard.json', import.meta.url));

/** The median wall time of `tool --version`: what each invocation pays before its first request. */
async function startupMs(tool: string, args: string[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await exec(tool, args);
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((a, b) => a - b)[1] as number);
}

async function installed(tool: string): Promise<boolean> {
  return exec('sh', ['-c', `command -v ${tool}`]).then(
    () => true,
    () => false,
  );
}

const EC2 = [
  'describe-instances',
  'describe-volumes',
  'describe-snapshots --owner-ids self',
  'describe-security-groups',
  'describe-key-pairs',
  'describe-vpcs',
  'describe-subnets',
  'describe-route-tables',
  'describe-internet-gateways',
];
const BUCKET_DETAILS = [
  'get-bucket-tagging',
  'get-bucket-policy',
  'get-bucket-lifecycle-configuration',
  'get-bucket-versioning',
  'get-bucket-encryption',
];
const KINDS =
  'namespaces,nodes,persistentvolumes,pods,services,deployments,replicasets,statefulsets,daemonsets,configmaps,secrets,persistentvolumeclaims,serviceaccounts,ingresses';

const sim = await spawnSimulator(['--resources', String(resources), '--seed', '7', '--profile', PROFILE]);
const { info } = sim;
const env = { ...process.env, ...simEnv(info) };
let calls = 0;
let listed = 0;
const run = async (command: string, args: string[]) => {
  calls++;
  return exec(command, args, { env, maxBuffer: 256 * 2 ** 20 }).catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? '',
  }));
};

/** Lists a tool's JSON answer holds: EC2 instances sit inside reservations, the rest at the top. */
function countItems(stdout: string): number {
  if (!stdout.trim()) return 0;
  const answer = JSON.parse(stdout) as Record<string, unknown>;
  let count = 0;
  for (const [key, value] of Object.entries(answer)) {
    if (!Array.isArray(value)) continue;
    count +=
      key === 'Reservations'
        ? value.reduce((sum: number, r: { Instances?: unknown[] }) => sum + (r.Instances?.length ?? 0), 0)
        : value.length;
  }
  return count;
}
const list = async (command: string, args: string[]) => {
  const { stdout } = await run(command, args);
  listed += countItems(stdout);
  return stdout;
};

try {
  const result: Record<string, unknown> = { bench: 'tools', resources, latencyMs: 40 };
  const haveAws = await installed('aws');
  const haveKubectl = await installed('kubectl');
  const started = performance.now();
  if (haveAws) {
    for (const profile of info.awsProfiles) {
      const aws = (...args: string[]) => run('aws', ['--profile', profile, '--output', 'json', ...args]);
      const awsList = (...args: string[]) => list('aws', ['--profile', profile, '--output', 'json', ...args]);
      for (const region of info.awsRegions) {
        for (const api of EC2) await awsList('--region', region, 'ec2', ...api.split(' '));
        await awsList('--region', region, 'rds', 'describe-db-instances');
        await awsList('--region', region, 'lambda', 'list-functions');
      }
      for (const api of ['list-users', 'list-roles', 'list-policies --scope Local'])
        await awsList('iam', ...api.split(' '));
      const buckets = JSON.parse((await awsList('s3api', 'list-buckets')) || '{}') as {
        Buckets?: { Name: string }[];
      };
      for (const bucket of buckets.Buckets ?? []) {
        for (const detail of BUCKET_DETAILS) await aws('s3api', detail, '--bucket', bucket.Name);
      }
    }
  }
  if (haveKubectl) {
    for (const context of info.kubeContexts)
      await list('kubectl', ['--context', context, 'get', KINDS, '-A', '-o', 'json']);
  }
  const toolsMs = Math.round(performance.now() - started);
  const providers = [...(haveAws ? ['aws'] : []), ...(haveKubectl ? ['kubernetes'] : [])];
  const dir = await mkdtemp(join(tmpdir(), 'wgo-tools-'));
  const out = join(dir, 'snapshot.ndjson');
  const wgo = await runWgo(
    [
      'scan',
      '--concurrent',
      ...providers.flatMap((provider) => ['--provider', provider]),
      ...info.awsProfiles.flatMap((profile) => ['--profile', profile]),
      '--all-regions',
      '--kubeconfig',
      info.kubeconfig,
      ...info.kubeContexts.flatMap((context) => ['--context', context]),
      '-o',
      'ndjson',
      '-f',
      out,
    ],
    simEnv(info),
  );
  const truth = await compareNdjsonToTruth(out, info.truth, providers);
  await rm(dir, { recursive: true, force: true });
  if (truth.missing + truth.unexpected > 0) throw new Error(`wgo truth mismatch: ${JSON.stringify(truth)}`);
  Object.assign(result, {
    tools: {
      aws: haveAws ? 'installed' : 'not installed',
      kubectl: haveKubectl ? 'installed' : 'not installed',
    },
    script: {
      wallMs: toolsMs,
      invocations: calls,
      itemsListed: listed,
      startupMs: {
        ...(haveAws ? { aws: await startupMs('aws', ['--version']) } : {}),
        ...(haveKubectl ? { kubectl: await startupMs('kubectl', ['version', '--client']) } : {}),
      },
    },
    wgo: { wallMs: wgo.wallMs, providers, exit: wgo.code, resources: truth.found, truth },
    speedup: +(toolsMs / wgo.wallMs).toFixed(1),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await sim.stop();
}
