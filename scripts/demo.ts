/**
 * `npm start`: the demo a newcomer runs without a cloud account. Starts the simulator (its own
 * process) with a small estate, scans everything wgo knows concurrently (the simulated clouds and
 * the example Terraform states), prints the summary, and stops the simulator.
 *
 * Extra arguments go to `wgo scan` (e.g. `npm start -- -o json`).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnSimulator } from '../sim/spawn.ts';
import { simEnv, simScopeArgs } from './sim-scan.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const sim = await spawnSimulator(['--resources', '5000', '--seed', '1', '--latency-ms', '20']);
const { info } = sim;
process.stderr.write(
  `wgo demo: simulator up (AWS ${info.aws}, GCP ${info.gcp}, Kubernetes ${info.kubernetes})\n`,
);

const args = [
  fileURLToPath(new URL('../src/cli/bin.ts', import.meta.url)),
  'scan',
  '--all',
  '--concurrent',
  ...simScopeArgs(info),
  ...process.argv.slice(2),
];
const child = spawn(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...simEnv(info) },
});
const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
await sim.stop();
process.exitCode = code;
