/**
 * Where wgo's V8 young-generation cap (`src/cli/node-flags.ts`) comes from: the whole simulated
 * estate scanned concurrently by the real `wgo` command at several `--max-semi-space-size`
 * settings, given through `NODE_OPTIONS` (which the bin then keeps as the user's choice; 0 is
 * V8's own sizing, what wgo ran with before the cap). Figures per setting: wall time and peak
 * RSS; every run's snapshot is checked against the simulator's truth.
 *
 * Usage: node bench/heap.ts [resources] [MB...]   (default 100000; 0 64 32 16 8 4)
 */
import { fileURLToPath } from 'node:url';
import { spawnSimulator } from '../sim/spawn.ts';
import { measureScan } from './harness/scan-run.ts';

const [size = '100000', ...given] = process.argv.slice(2);
const settings = given.length > 0 ? given.map(Number) : [0, 64, 32, 16, 8, 4];
const PROFILE = fileURLToPath(new URL('./profiles/standard.json', import.meta.url));

const sim = await spawnSimulator(['--resources', size, '--seed', '7', '--profile', PROFILE]);
const runs = [];
try {
  for (const semiSpaceMB of settings) {
    const run = await measureScan(sim, true, { NODE_OPTIONS: `--max-semi-space-size=${semiSpaceMB}` });
    const { wallMs, peakRssMB, truth } = run;
    runs.push({ semiSpaceMB, wallMs, peakRssMB, truth });
    process.stderr.write(`heap ${size} semi-space ${semiSpaceMB} MB: ${wallMs} ms, peak ${peakRssMB} MiB\n`);
  }
} finally {
  await sim.stop();
}
process.stdout.write(`${JSON.stringify({ bench: 'heap', resources: Number(size), latencyMs: 40, runs })}\n`);
