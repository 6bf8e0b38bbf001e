/**
 * Where the per-provider API concurrency defaults come from: each cloud provider of the
 * simulated estate (both AWS accounts, both GCP projects, both clusters: one provider each, as
 * `wgo scan --provider NAME` runs it) scanned alone at several `apiConcurrency` settings, with the
 * simulator in its own process at the standard profile (40 ms per request). Figures per setting:
 * wall time (one run each: these scans are bound by latency, not noise), sockets, throttled
 * calls; every run equals the simulator's truth.
 *
 * Usage: node bench/sweep.ts [resources] (default 100000); prints one JSON object.
 */
import { fileURLToPath } from 'node:url';
import { simEnv } from '../scripts/sim-scan.ts';
import { spawnSimulator } from '../sim/spawn.ts';
import { scanSet, simCloudProviders } from './harness/sim-providers.ts';
import { readTruth } from './truth.ts';

const resources = Number(process.argv[2] ?? 100_000);
const PROFILE = fileURLToPath(new URL('./profiles/standard.json', import.meta.url));
const SETTINGS = [1, 4, 8, 16, 32, 64];

const sim = await spawnSimulator(['--resources', String(resources), '--seed', '7', '--profile', PROFILE]);
const { info } = sim;
Object.assign(process.env, simEnv(info));
const truth = await readTruth(info.truth);

const PROVIDERS = simCloudProviders(info, process.env);

const providers: Record<string, unknown> = {};
try {
  for (const [name, provider] of Object.entries(PROVIDERS)) {
    const runs: Record<string, { wallMs: number; requests: number; connections: number; throttled: number }> =
      {};
    for (const apiConcurrency of SETTINGS) {
      const { wallMs, requests, connections, throttled } = await scanSet(
        PROVIDERS,
        [name],
        { apiConcurrency },
        truth,
      );
      runs[apiConcurrency] = { wallMs, requests, connections, throttled };
      process.stderr.write(`sweep ${name} apiConcurrency=${apiConcurrency}: ${wallMs} ms\n`);
    }
    providers[name] = { defaultApiConcurrency: provider.collector().defaultApiConcurrency, runs };
  }
} finally {
  await sim.stop();
}
process.stdout.write(
  `${JSON.stringify({ bench: 'sweep', resources, latencyMs: 40, settings: SETTINGS, providers })}\n`,
);
