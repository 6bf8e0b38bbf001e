/**
 * Table B of the spec ("Resource Scale Testing"): the whole simulated estate (every provider,
 * 2 AWS accounts × 3 regions, 2 GCP projects, 2 Kubernetes clusters, plus the example Terraform
 * states) at several sizes, scanned end to end by the real `wgo` command in its own process,
 * sequentially (`--max-workers 1 --api-concurrency 1`) and concurrently (`--concurrent`, default
 * settings), with the simulator in its own process at the standard profile (40 ms per request).
 * Figures per run: wall time, peak RSS, requests, connections, throttles, efficiency ratio; every
 * run's snapshot is checked against the simulator's truth.
 *
 * Usage: node bench/scale.ts [size...] [--sequential-up-to N]
 *   sizes default to 1000 10000 100000; sequential runs stop above N (default 100000), and their
 *   time is then extrapolated from the concurrent run's request count × 40 ms (and says so).
 */
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simEnv, simScopeArgs } from '../scripts/sim-scan.ts';
import { type SimProcess, spawnSimulator } from '../sim/spawn.ts';
import { compareNdjsonToTruth } from './harness/compare-ndjson.ts';
import { runWgo, summaryFigures } from './harness/wgo-process.ts';

const LATENCY_MS = 40;
const PROFILE = fileURLToPath(new URL('./profiles/standard.json', import.meta.url));
const CLOUDS = ['aws', 'gcp', 'kubernetes'];

/** `[size...] [--sequential-up-to N]`. */
function options(argv: readonly string[]): { sizes: number[]; sequentialUpTo: number } {
  const sizes: number[] = [];
  let sequentialUpTo = 100_000;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sequential-up-to') sequentialUpTo = Number(argv[++i]);
    else sizes.push(Number(argv[i]));
  }
  return { sizes: sizes.length > 0 ? sizes : [1_000, 10_000, 100_000], sequentialUpTo };
}

const { sizes: runSizes, sequentialUpTo } = options(process.argv.slice(2));

function scanArgs(sim: SimProcess, concurrent: boolean, out: string): string[] {
  const mode = concurrent ? ['--concurrent'] : ['--max-workers', '1', '--api-concurrency', '1'];
  return ['scan', '--all', ...mode, ...simScopeArgs(sim.info), '-o', 'ndjson', '-f', out];
}

interface Header {
  providers: Record<
    string,
    { status: string; durationMs: number; apiCalls: number; retries: number; throttled: number }
  >;
}

/** The NDJSON snapshot's last line (its header), read from the end of a possibly huge file. */
async function readHeader(file: string): Promise<Header> {
  const handle = await open(file);
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 4 * 2 ** 20);
    const { buffer } = await handle.read(Buffer.alloc(length), 0, length, size - length);
    const text = buffer.toString('utf8').trimEnd();
    return JSON.parse(text.slice(text.lastIndexOf('\n') + 1)) as Header;
  } finally {
    await handle.close();
  }
}

async function measure(sim: SimProcess, concurrent: boolean) {
  const dir = await mkdtemp(join(tmpdir(), 'wgo-scale-'));
  const out = join(dir, 'snapshot.ndjson');
  try {
    const run = await runWgo(scanArgs(sim, concurrent, out), simEnv(sim.info));
    if (run.code !== 0) throw new Error(`wgo exited ${run.code}: ${run.stderr.slice(-2000)}`);
    const header = await readHeader(out);
    const check = await compareNdjsonToTruth(out, sim.info.truth, CLOUDS);
    const providers = Object.fromEntries(
      Object.entries(header.providers).map(([name, p]) => [
        name,
        {
          status: p.status,
          durationMs: Math.round(p.durationMs),
          apiCalls: p.apiCalls,
          throttled: p.throttled,
        },
      ]),
    );
    const apiCalls = Object.values(header.providers).reduce((sum, p) => sum + p.apiCalls, 0);
    const throttled = Object.values(header.providers).reduce((sum, p) => sum + p.throttled, 0);
    return {
      wallMs: run.wallMs,
      peakRssMB: run.peakRssMB,
      apiCalls,
      throttled,
      ...summaryFigures(run.stdout + run.stderr),
      truth: check,
      providers,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const size of runSizes) {
  const sim = await spawnSimulator(['--resources', String(size), '--seed', '7', '--profile', PROFILE]);
  try {
    const concurrent = await measure(sim, true);
    const sequential =
      size <= sequentialUpTo
        ? { measured: true, ...(await measure(sim, false)) }
        : {
            measured: false,
            wallMs: concurrent.apiCalls * LATENCY_MS,
            basis: `${concurrent.apiCalls} requests × ${LATENCY_MS} ms`,
          };
    results.push({
      resources: size,
      sequential,
      concurrent,
      speedup: +(sequential.wallMs / concurrent.wallMs).toFixed(2),
    });
    process.stderr.write(
      `scale ${size}: sequential ${sequential.wallMs} ms, concurrent ${concurrent.wallMs} ms, peak ${concurrent.peakRssMB} MB\n`,
    );
  } finally {
    await sim.stop();
  }
}
process.stdout.write(`${JSON.stringify({ bench: 'scale', latencyMs: LATENCY_MS, results })}\n`);
