/**
 * `npm run bench`: runs each benchmark in its own process (so peak memory is its own) and writes
 * the figures with the machine they were measured on to `bench/results/NAME.json`, then
 * regenerates `BENCHMARKS.md` from all results.
 *
 * Usage: npm run bench [-- NAME...]   (default: every benchmark but `scale-1m` and `heap-1m`,
 * which take minutes each and a simulator of a million resources, and `gcp-clients`, which
 * installs packages from the npm registry; name them to run them)
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Benchmarks by name: the script and its arguments. */
const BENCHMARKS: Readonly<Record<string, readonly string[]>> = {
  merge: ['bench/merge.ts', '1000000'],
  'merge-in-memory': ['bench/merge.ts', '1000000', '--in-memory'],
  aws: ['bench/aws.ts', '10000'],
  gcp: ['bench/gcp.ts', '10000', '100000'],
  kubernetes: ['bench/kubernetes.ts', '10000,100000', '3'],
  providers: ['bench/providers.ts', '10000'],
  scale: ['bench/scale.ts', '1000', '10000', '100000'],
  'scale-1m': ['bench/scale.ts', '1000000', '--sequential-up-to', '0'],
  sweep: ['bench/sweep.ts', '100000'],
  heap: ['bench/heap.ts', '100000'],
  'heap-1m': ['bench/heap.ts', '1000000', '0', '16'],
  tools: ['bench/tools.ts', '1000'],
  'gcp-clients': ['bench/gcp-clients.ts'],
};
/** Benchmarks run only when named: the longest, and one that installs packages from npm. */
const ON_REQUEST: ReadonlySet<string> = new Set(['scale-1m', 'heap-1m', 'gcp-clients']);

const root = fileURLToPath(new URL('../', import.meta.url));
const chosen =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : Object.keys(BENCHMARKS).filter((name) => !ON_REQUEST.has(name));
const machine = {
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};

await mkdir(new URL('results/', import.meta.url), { recursive: true });
for (const name of chosen) {
  const args = BENCHMARKS[name];
  if (!args) throw new Error(`unknown benchmark "${name}" (known: ${Object.keys(BENCHMARKS).join(', ')})`);
  const pending = run(process.execPath, args, { cwd: root, maxBuffer: 16 * 2 ** 20 });
  pending.child.stderr?.pipe(process.stderr);
  const { stdout } = await pending;
  const figures = JSON.parse(stdout.trim().split('\n').at(-1) as string);
  const result = { name, measuredAt: new Date().toISOString(), machine, figures };
  await writeFile(new URL(`results/${name}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${name}: ${JSON.stringify(figures)}\n`);
}
await run(process.execPath, ['bench/report.ts'], { cwd: root });
process.stdout.write('BENCHMARKS.md written\n');
