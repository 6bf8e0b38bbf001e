/**
 * One end-to-end scan of the whole simulated estate by the real `wgo` command, measured: wall
 * time, peak RSS, API calls, throttles, the summary's figures, and the NDJSON snapshot checked
 * against the simulator's truth. Shared by the scale and heap benchmarks.
 */
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simEnv, simScopeArgs } from '../../scripts/sim-scan.ts';
import type { SimProcess } from '../../sim/spawn.ts';
import { compareNdjsonToTruth } from './compare-ndjson.ts';
import { runWgo, summaryFigures } from './wgo-process.ts';

const CLOUDS = ['aws', 'gcp', 'kubernetes'];

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

/** Scans the simulator's estate with `wgo scan --all`, concurrently or sequentially; `env` is added to wgo's environment. */
export async function measureScan(sim: SimProcess, concurrent: boolean, env: NodeJS.ProcessEnv = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'wgo-scale-'));
  const out = join(dir, 'snapshot.ndjson');
  try {
    const run = await runWgo(scanArgs(sim, concurrent, out), { ...simEnv(sim.info), ...env });
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
