/** Runs `sim/main.ts` as its own process, as benchmarks do, and reads its start-up line. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';

/** A started simulator process. */
export interface SimProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly info: Record<string, unknown>;
  /** Everything printed on stdout, to check there was exactly one line. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

const MAIN = fileURLToPath(new URL('../../sim/main.ts', import.meta.url));

/** Spawns the simulator with `args` and waits for its JSON line; `t.after` kills it if a test fails first. */
export async function spawnSim(t: TestContext, args: string[]): Promise<SimProcess> {
  const child = spawn(process.execPath, [MAIN, ...args]);
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
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
    info: JSON.parse(line) as Record<string, unknown>,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      return code as number | null;
    },
  };
}
