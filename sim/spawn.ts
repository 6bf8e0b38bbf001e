/**
 * Running the simulator as its own process (how benchmarks use it, so its CPU is not counted
 * as the scanner's) and reading its start-up line.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { SimulatorInfo } from './index.ts';

/** A started simulator process. */
export interface SimProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly info: SimulatorInfo;
  /** Everything printed on stdout, to check there was exactly one line. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Spawns `sim/main.ts ARGS` on this Node and waits for its JSON line. */
export async function spawnSimulator(args: readonly string[]): Promise<SimProcess> {
  const child = spawn(process.execPath, [MAIN, ...args]);
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}: ${err}`)));
  });
  return {
    child,
    info: JSON.parse(line) as SimulatorInfo,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      return code as number | null;
    },
  };
}
