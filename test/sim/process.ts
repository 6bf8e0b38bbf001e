/** Runs `sim/main.ts` as its own process, as benchmarks do, killed when the test ends. */
import type { TestContext } from 'node:test';
import { type SimProcess, spawnSimulator } from '../../sim/spawn.ts';

export type { SimProcess };

/** Spawns the simulator with `args` and waits for its JSON line; `t.after` kills it if a test fails first. */
export async function spawnSim(t: TestContext, args: string[]): Promise<SimProcess> {
  const sim = await spawnSimulator(args);
  t.after(() => {
    if (sim.child.exitCode === null && sim.child.signalCode === null) sim.child.kill('SIGKILL');
  });
  return sim;
}
