/**
 * GCP collector benchmark: the simulator in its own process with the standard profile (40 ms per
 * request, `bench/profiles/standard.json`), two projects, every GCP type; the scan through the
 * library at the default API concurrency (8) and sequentially (`--api-concurrency 1`, one
 * provider at a time), each the median of RUNS. Figures: wall time, requests, sockets opened vs
 * requests (connection reuse), and the cold load time of google-auth-library. Every run must
 * equal the simulator's truth, or the benchmark fails. Prints one JSON object; run through
 * `npm run bench -- gcp`.
 *
 * Usage: node bench/gcp.ts [resources...]   (default: 10000 100000)
 */
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GcpCollector } from '../src/collectors/gcp/index.ts';
import { ConcurrentScanner } from '../src/scanner/concurrent-scanner.ts';

const RUNS = 3;
const PROJECTS = ['acme-prod', 'acme-staging'];
const sizes = process.argv.slice(2).length > 0 ? process.argv.slice(2).map(Number) : [10_000, 100_000];
const root = new URL('../', import.meta.url);

interface SimInfo {
  gcp: string;
  truth: string;
  gcpCredentials: string;
}

async function startSim(resources: number) {
  const child = spawn(process.execPath, [
    fileURLToPath(new URL('sim/main.ts', root)),
    '--resources',
    String(resources),
    '--seed',
    '7',
    '--profile',
    fileURLToPath(new URL('bench/profiles/standard.json', root)),
  ]);
  let out = '';
  const info = await new Promise<SimInfo>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))) as SimInfo);
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { info, stop: () => child.kill('SIGTERM') };
}

async function truthCount(info: SimInfo): Promise<number> {
  const text = await (await fetch(`${info.truth}?provider=gcp`)).text();
  return text.split('\n').filter((line) => line !== '').length;
}

async function scanOnce(apiConcurrency: number | undefined) {
  const scanner = new ConcurrentScanner({ maxWorkers: 1 });
  scanner.registerProvider('gcp', new GcpCollector());
  try {
    const started = performance.now();
    const result = await scanner.scanAllProviders({
      providers: { gcp: { config: { projects: PROJECTS }, ...(apiConcurrency ? { apiConcurrency } : {}) } },
    });
    const wallMs = performance.now() - started;
    const gcp = result.providerResults.gcp;
    if (gcp?.status !== 'ok') throw new Error(`gcp ended ${gcp?.status}: ${JSON.stringify(gcp?.errors)}`);
    const { socketsOpened, requests } = scanner.getStats().connections;
    return { wallMs, resources: result.snapshot?.resources.length ?? 0, requests, socketsOpened };
  } finally {
    await scanner.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function measure(apiConcurrency: number | undefined, expected: number) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await scanOnce(apiConcurrency);
    if (run.resources !== expected) throw new Error(`scanned ${run.resources}, the truth has ${expected}`);
    runs.push(run);
  }
  const last = runs.at(-1) as (typeof runs)[number];
  return {
    apiConcurrency: apiConcurrency ?? 'default (8)',
    wallMs: Math.round(median(runs.map((run) => run.wallMs))),
    requests: last.requests,
    socketsOpened: last.socketsOpened,
  };
}

/** google-auth-library's import in a fresh process: what a GCP scan adds to start-up. */
function coldLoadMs(): number {
  const script =
    "const t = performance.now(); await import('google-auth-library'); console.log(performance.now() - t);";
  const times = Array.from({ length: 5 }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(root) }),
    ),
  );
  return Math.round(median(times));
}

const figures: Record<string, unknown> = {
  bench: 'gcp',
  profile: 'bench/profiles/standard.json (40 ms per request)',
  projects: PROJECTS.length,
  runsPerFigure: RUNS,
  authLibraryColdLoadMs: coldLoadMs(),
  sizes: [] as unknown[],
};
for (const resources of sizes) {
  const sim = await startSim(resources);
  try {
    process.env.GOOGLE_APPLICATION_CREDENTIALS = sim.info.gcpCredentials;
    process.env.WGO_GCP_ENDPOINT = sim.info.gcp;
    const expected = await truthCount(sim.info);
    await scanOnce(undefined); // warm-up: module load, JIT
    const parallel = await measure(undefined, expected);
    const sequential = await measure(1, expected);
    (figures.sizes as unknown[]).push({
      resources,
      gcpResources: expected,
      parallel,
      sequential,
      speedup: +(sequential.wallMs / parallel.wallMs).toFixed(2),
    });
  } finally {
    sim.stop();
  }
}
process.stdout.write(`${JSON.stringify(figures)}\n`);
