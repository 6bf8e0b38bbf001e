/**
 * Table A of the spec ("Typical Performance Gains"): 2, 3, 4 and 5 providers scanned
 * sequentially (`maxWorkers 1`, API concurrency 1) and concurrently (the defaults), against the
 * simulator in its own process at the standard profile (40 ms per request). The providers are
 * one AWS account, the GCP projects, one Kubernetes cluster, then the second AWS account and the
 * second cluster as providers of their own (the spec's "5 = a second AWS account or cluster").
 * Also measured: the same sets one provider at a time at default API concurrency (`oneSlot`), so
 * the provider slots' own share of the speedup shows apart from the API concurrency's.
 * Every run's resources are checked against the simulator's truth.
 *
 * Usage: node bench/providers.ts [resources] (default 10000); prints one JSON object.
 */
import { fileURLToPath } from 'node:url';
import { simEnv } from '../scripts/sim-scan.ts';
import { spawnSimulator } from '../sim/spawn.ts';
import { type Mode, median, scanSet, simProviders } from './harness/sim-providers.ts';
import { readTruth } from './truth.ts';

const resources = Number(process.argv[2] ?? 10_000);
const PROFILE = fileURLToPath(new URL('./profiles/standard.json', import.meta.url));
const CONCURRENT_RUNS = 3;

const SEQUENTIAL: Mode = { maxWorkers: 1, apiConcurrency: 1 };
const CONCURRENT: Mode = {};
/** Provider slots alone: one provider at a time, each at its default API concurrency. */
const ONE_SLOT: Mode = { maxWorkers: 1 };

const sim = await spawnSimulator(['--resources', String(resources), '--seed', '7', '--profile', PROFILE]);
// GCP's ADC reads this process's environment, so the simulator's settings go there.
Object.assign(process.env, simEnv(sim.info));
const providers = simProviders(sim.info, process.env);
const truth = await readTruth(sim.info.truth);
const ORDER = Object.keys(providers);

const table = [];
try {
  for (let count = 2; count <= 5; count++) {
    const names = ORDER.slice(0, count);
    const sequential = await scanSet(providers, names, SEQUENTIAL, truth);
    const oneSlot = await scanSet(providers, names, ONE_SLOT, truth);
    const concurrent = [];
    for (let run = 0; run < CONCURRENT_RUNS; run++)
      concurrent.push(await scanSet(providers, names, CONCURRENT, truth));
    const best = median(concurrent);
    table.push({
      providers: count,
      names,
      sequential,
      oneSlot,
      concurrent: best,
      speedup: +(sequential.wallMs / best.wallMs).toFixed(2),
      slotSpeedup: +(oneSlot.wallMs / best.wallMs).toFixed(2),
    });
    process.stderr.write(
      `providers ${count}: sequential ${sequential.wallMs} ms, concurrent ${best.wallMs} ms\n`,
    );
  }
} finally {
  await sim.stop();
}
process.stdout.write(`${JSON.stringify({ bench: 'providers', resources, latencyMs: 40, table })}\n`);
