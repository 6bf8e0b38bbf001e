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
import { fileURLToPath } from 'node:url';
import { spawnSimulator } from '../sim/spawn.ts';
import { measureScan } from './harness/scan-run.ts';

const LATENCY_MS = 40;
const PROFILE = fileURLToPath(new URL('./profiles/standard.json', import.meta.url));

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

const results = [];
for (const size of runSizes) {
  const sim = await spawnSimulator(['--resources', String(size), '--seed', '7', '--profile', PROFILE]);
  try {
    const concurrent = await measureScan(sim, true);
    const sequential =
      size <= sequentialUpTo
        ? { measured: true, ...(await measureScan(sim, false)) }
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
