/**
 * Writes `BENCHMARKS.md` from `bench/results/*.json`: the machine, the simulator profile, the
 * spec's two tables as we measured them, the per-provider figures, and the tuning they led to.
 * `npm run bench` runs it after every benchmark; `node bench/report.ts` rewrites the file alone.
 * A benchmark without results gets a line saying how to run it, never a made-up figure.
 */
import { readFile, writeFile } from 'node:fs/promises';

// Result shapes: only the fields the report reads.
interface Machine {
  cores: number;
  cpu: string;
  memoryGB: number;
  node: string;
}
interface Result<F> {
  name: string;
  measuredAt: string;
  machine: Machine;
  figures: F;
}
interface ProviderRun {
  wallMs: number;
  efficiencyRatio: number;
  requests: number;
  connections: number;
  resources: number;
  providerMs: Record<string, number>;
}
interface ProvidersFigures {
  resources: number;
  table: {
    providers: number;
    names: string[];
    sequential: ProviderRun;
    oneSlot?: ProviderRun;
    concurrent: ProviderRun;
    speedup: number;
    slotSpeedup?: number;
  }[];
}
interface ScaleRun {
  measured?: boolean;
  basis?: string;
  wallMs: number;
  peakRssMB?: number;
  apiCalls?: number;
  throttled?: number;
  efficiencyRatio?: number;
  requests?: number;
  connections?: number;
  truth?: { found: number; expected: number; missing: number; unexpected: number };
}
interface ScaleFigures {
  results: { resources: number; sequential: ScaleRun; concurrent: ScaleRun; speedup: number }[];
}
interface AwsRun {
  wallMs: number;
  apiCalls: number;
  socketsOpened: number;
  requests: number;
  missing: number;
  unexpected: number;
  throttled: number;
}
interface AwsFigures {
  concurrency: { awsResources: number; runs: Record<string, AwsRun> };
  rateLimit: Record<
    string,
    AwsRun & { limitPerSecond: number; ec2Calls: number; throttledShare: number; shareOfLimit: number }
  >;
}
interface SideBySide {
  wallMs: number;
  requests: number;
  socketsOpened: number;
  apiConcurrency: number | string;
}
interface GcpFigures {
  authLibraryColdLoadMs: number;
  sizes: {
    resources: number;
    gcpResources: number;
    parallel: SideBySide;
    sequential: SideBySide;
    speedup: number;
  }[];
}
interface KubernetesFigures {
  sizes: {
    simulatorResources: number;
    kubernetesResources: number;
    parallel: SideBySide;
    sequential: SideBySide;
    speedup: number;
  }[];
}
interface MergeFigures {
  mode?: string;
  reports: number;
  distinct: number;
  totalMs: number;
  outputMB: number;
  peakRssMB: number;
  rssStartMB: number;
}
interface GcpClientOption {
  versions: Record<string, string>;
  packagesInstalled: number;
  diskMB: number;
  coldImportMs: number;
  peakRssMB: number;
}
interface GcpClientsFigures {
  node: string;
  options: Record<string, GcpClientOption>;
}
interface SweepFigures {
  resources: number;
  settings: number[];
  providers: Record<
    string,
    {
      defaultApiConcurrency: number;
      runs: Record<string, { wallMs: number; requests: number; connections: number; throttled: number }>;
    }
  >;
}
interface HeapFigures {
  resources: number;
  runs: {
    semiSpaceMB: number;
    wallMs: number;
    peakRssMB: number;
    truth: { missing: number; unexpected: number };
  }[];
}
interface ToolsFigures {
  resources: number;
  tools: Record<string, string>;
  script: { wallMs: number; invocations: number; itemsListed: number };
  wgo: { wallMs: number; providers: string[]; resources: number };
  speedup: number;
}

const RESULTS = new URL('results/', import.meta.url);

async function load<F>(name: string): Promise<Result<F> | undefined> {
  const text = await readFile(new URL(`${name}.json`, RESULTS), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as Result<F>);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const count = (n: number) => n.toLocaleString('en-US');
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
const missing = (name: string) => `_Not measured yet: \`npm run bench -- ${name}\`._`;
const truthCell = (run: ScaleRun) =>
  run.truth
    ? `${count(run.truth.found)} / ${count(run.truth.expected)}${run.truth.missing + run.truth.unexpected === 0 ? ' exact' : ` (${run.truth.missing} missing, ${run.truth.unexpected} unexpected)`}`
    : 'n/a';

const SPEC_A: Record<number, string> = { 2: '2.5x', 3: '3.0x', 4: '3.3x', 5: '4.1x' };
const TARGET_A: Record<number, number> = { 4: 3.6, 5: 4.5 };
const SPEC_B: Record<number, string> = {
  1000: '5 s / 2 s / 50 MB',
  10000: '35 s / 12 s / 200 MB',
  100000: '300 s / 85 s / 800 MB',
  1000000: '2800 s / 650 s / 3.2 GB',
};

function providersSection(result: Result<ProvidersFigures> | undefined): string {
  if (!result) return missing('providers');
  const rows = result.figures.table.map((row) => [
    row.providers,
    row.names.join(', '),
    seconds(row.sequential.wallMs),
    seconds(row.concurrent.wallMs),
    `**${row.speedup.toFixed(1)}x**`,
    row.oneSlot && row.slotSpeedup
      ? `${seconds(row.oneSlot.wallMs)} (${row.slotSpeedup.toFixed(1)}x)`
      : 'n/a',
    SPEC_A[row.providers] ?? '',
    TARGET_A[row.providers]
      ? `≥ ${TARGET_A[row.providers]}x: ${row.speedup >= (TARGET_A[row.providers] as number) ? 'met' : 'missed'}`
      : '',
    row.concurrent.efficiencyRatio.toFixed(2),
    `${count(row.concurrent.requests)} / ${row.concurrent.connections}`,
    count(row.concurrent.resources),
  ]);
  const largest = result.figures.table.at(-1);
  const perProvider = largest
    ? table(
        ['provider', 'sequential', 'one slot', 'concurrent'],
        Object.keys(largest.sequential.providerMs).map((name) => [
          name,
          seconds(largest.sequential.providerMs[name] as number),
          largest.oneSlot ? seconds(largest.oneSlot.providerMs[name] as number) : 'n/a',
          seconds(largest.concurrent.providerMs[name] as number),
        ]),
      )
    : '';
  return `Simulator of ${count(result.figures.resources)} resources; each set of providers scanned through the library API, sequentially (\`maxWorkers 1\`, API concurrency 1) and concurrently (defaults; the median of three runs). "One slot" is one provider at a time at default API concurrency, with its speedup against it: the provider slots' own share of the gain, apart from the API calls in flight inside each provider. Every run's resources equal the simulator's truth for those providers.

${table(
  [
    'providers',
    'which',
    'sequential',
    'concurrent',
    'speedup',
    'one slot (slots alone)',
    'spec',
    'target',
    'efficiency ratio',
    'requests / sockets',
    'resources',
  ],
  rows,
)}

Per provider in the ${largest?.providers}-provider run (time each provider took inside the scan):

${perProvider}`;
}

function scaleSection(
  result: Result<ScaleFigures> | undefined,
  million: Result<ScaleFigures> | undefined,
): string {
  const results = [...(result?.figures.results ?? []), ...(million?.figures.results ?? [])];
  if (results.length === 0) return missing('scale');
  const rows = results.map((row) => [
    count(row.resources),
    row.sequential.measured === false
      ? `${seconds(row.sequential.wallMs)} (extrapolated: ${row.sequential.basis})`
      : seconds(row.sequential.wallMs),
    seconds(row.concurrent.wallMs),
    `**${row.speedup.toFixed(1)}x**`,
    row.sequential.peakRssMB === undefined ? 'n/a' : `${row.sequential.peakRssMB} MiB`,
    `${row.concurrent.peakRssMB} MiB`,
    SPEC_B[row.resources] ?? '',
    row.concurrent.efficiencyRatio?.toFixed(2) ?? 'n/a',
    `${count(row.concurrent.requests ?? 0)} / ${count(row.concurrent.connections ?? 0)}`,
    count(row.concurrent.throttled ?? 0),
    truthCell(row.concurrent),
  ]);
  return `The whole simulated estate (AWS 2 accounts × 3 regions, GCP 2 projects, Kubernetes 2 clusters, plus the example Terraform states) scanned end to end by the real \`wgo scan --all\` command in its own process, writing an NDJSON snapshot to a file; peak RSS is the wgo process's own (\`process.resourceUsage().maxRSS\`). Sequential is \`--max-workers 1 --api-concurrency 1\`; concurrent is \`--concurrent\` with default settings. After every run the snapshot is compared, uid by uid, with the simulator's truth.

${table(
  [
    'resources',
    'sequential',
    'concurrent',
    'speedup',
    'peak RSS sequential',
    'peak RSS concurrent',
    'spec (seq / conc / memory)',
    'efficiency ratio',
    'requests / sockets',
    'throttled',
    'found / expected',
  ],
  rows,
)}`;
}

function awsSection(result: Result<AwsFigures> | undefined): string {
  if (!result) return missing('aws');
  const { concurrency, rateLimit } = result.figures;
  const runs = Object.entries(concurrency.runs);
  const base = runs[0]?.[1].wallMs ?? 1;
  return `AWS alone, ${count(concurrency.awsResources)} resources in 2 accounts × 3 regions:

${table(
  ['API concurrency', 'wall', 'vs 1', 'requests', 'sockets opened', 'truth'],
  runs.map(([name, run]) => [
    name.replace('apiConcurrency=', ''),
    seconds(run.wallMs),
    `${(base / run.wallMs).toFixed(1)}x`,
    count(run.requests),
    run.socketsOpened,
    run.missing + run.unexpected === 0 ? 'exact' : `${run.missing} missing, ${run.unexpected} unexpected`,
  ]),
)}

Adaptive rate limit under a simulated EC2 limit (one account and region, small pages so the scan wants far more than the limit):

${table(
  ['simulated limit', 'EC2 calls', 'throttled', 'served rate as share of limit', 'truth'],
  Object.values(rateLimit).map((run) => [
    `${run.limitPerSecond}/s`,
    count(run.ec2Calls),
    `${run.throttled} (${(run.throttledShare * 100).toFixed(1)}%)`,
    `${(run.shareOfLimit * 100).toFixed(0)}%`,
    run.missing + run.unexpected === 0 ? 'exact' : `${run.missing} missing, ${run.unexpected} unexpected`,
  ]),
)}`;
}

function sideBySide(
  rows: { size: string; of: string; parallel: SideBySide; sequential: SideBySide; speedup: number }[],
): string {
  return table(
    ['simulator', 'resources', 'parallel', 'sequential', 'speedup', 'requests', 'sockets (parallel)'],
    rows.map((row) => [
      row.size,
      row.of,
      `${seconds(row.parallel.wallMs)} (concurrency ${row.parallel.apiConcurrency})`,
      seconds(row.sequential.wallMs),
      `${row.speedup.toFixed(1)}x`,
      count(row.parallel.requests),
      row.parallel.socketsOpened,
    ]),
  );
}

function gcpSection(result: Result<GcpFigures> | undefined): string {
  if (!result) return missing('gcp');
  return `GCP alone (2 projects), REST over google-auth-library (its cold load: ${result.figures.authLibraryColdLoadMs} ms):

${sideBySide(
  result.figures.sizes.map((size) => ({
    size: count(size.resources),
    of: count(size.gcpResources),
    ...size,
  })),
)}`;
}

function kubernetesSection(result: Result<KubernetesFigures> | undefined): string {
  if (!result) return missing('kubernetes');
  return `Kubernetes alone (2 clusters, one task per cluster × kind, pages of 500):

${sideBySide(
  result.figures.sizes.map((size) => ({
    size: count(size.simulatorResources),
    of: count(size.kubernetesResources),
    ...size,
  })),
)}`;
}

function mergeSection(...results: (Result<MergeFigures> | undefined)[]): string {
  const measured = results.filter((result) => result !== undefined);
  if (measured.length === 0) return missing('merge');
  const first = (measured[0] as Result<MergeFigures>).figures;
  return `The merger alone: ${count(first.reports)} reports (${count(first.distinct)} distinct uids, a tenth reported twice) merged and read back in uid order as snapshot JSON (${first.outputMB} MB):

${table(
  ['merger', 'time', 'peak RSS', 'RSS at start'],
  measured.map(({ figures: f }) => [
    f.mode ?? 'in memory',
    seconds(f.totalMs),
    `${f.peakRssMB} MB`,
    `${f.rssStartMB} MB`,
  ]),
)}`;
}

function sweepSection(result: Result<SweepFigures> | undefined): string {
  if (!result) return missing('sweep');
  const { settings, providers, resources } = result.figures;
  const rows = Object.entries(providers).map(([name, provider]) => [
    `${name} (default ${provider.defaultApiConcurrency})`,
    ...settings.map((setting) => {
      const run = provider.runs[setting];
      if (!run) return 'n/a';
      const throttled = run.throttled > 0 ? `, ${count(run.throttled)} throttled` : '';
      return `${seconds(run.wallMs)} (${run.connections} socket${run.connections === 1 ? '' : 's'}${throttled})`;
    }),
  ]);
  return `Each cloud provider of the simulated estate (${count(resources)} resources; both AWS accounts, both GCP projects, both clusters) scanned alone through the library API at several API concurrencies; wall time, sockets opened and throttled calls. Every run equals the simulator's truth.

${table(['provider', ...settings.map((setting) => `${setting} in flight`)], rows)}`;
}

function heapSection(...results: (Result<HeapFigures> | undefined)[]): string {
  const measured = results.filter((result) => result !== undefined);
  if (measured.length === 0) return missing('heap');
  const rows = measured.flatMap(({ figures }) =>
    figures.runs.map((run) => [
      count(figures.resources),
      run.semiSpaceMB === 0 ? "V8's own sizing" : `${run.semiSpaceMB} MB`,
      seconds(run.wallMs),
      `${run.peakRssMB} MiB`,
      run.truth.missing + run.truth.unexpected === 0 ? 'exact' : `${run.truth.missing} missing`,
    ]),
  );
  return `The whole estate scanned concurrently by the real \`wgo\` command at several V8 semi-space caps (\`NODE_OPTIONS=--max-semi-space-size=N\`, which the bin keeps as the user's choice):

${table(['resources', 'semi-space cap', 'wall', 'peak RSS', 'truth'], rows)}`;
}

function gcpClientsSection(result: Result<GcpClientsFigures> | undefined): string {
  if (!result) return missing('gcp-clients');
  const rows = Object.entries(result.figures.options).map(([name, option]) => [
    name,
    Object.entries(option.versions)
      .map(([pkg, version]) => `${pkg}@${version}`)
      .join(', '),
    option.packagesInstalled,
    `${option.diskMB} MB`,
    `${option.coldImportMs} ms`,
    `${option.peakRssMB} MB`,
  ]);
  return `How the GCP collector reaches the APIs, measured on Node ${result.figures.node} (each option installed alone; cold import in a fresh process, median of five):

${table(['option', 'packages', 'installed', 'on disk', 'cold import', 'peak RSS'], rows)}`;
}

function toolsSection(result: Result<ToolsFigures> | undefined): string {
  if (!result) return missing('tools');
  const f = result.figures;
  const tools = Object.entries(f.tools)
    .map(([tool, state]) => `${tool} ${state}`)
    .join(', ');
  return `What a user would otherwise run: a shell-style script that lists the same AWS and Kubernetes inventory with the \`aws\` CLI and \`kubectl\`, one call after another (${tools}), against \`wgo scan --concurrent\` for the same providers, simulator of ${count(f.resources)} resources.

${table(
  ['', 'wall', 'invocations / resources'],
  [
    [
      'aws CLI + kubectl script',
      seconds(f.script.wallMs),
      `${count(f.script.invocations)} processes, ${count(f.script.itemsListed)} items listed`,
    ],
    [
      `wgo (${f.wgo.providers.join(', ')})`,
      seconds(f.wgo.wallMs),
      `1 process, ${count(f.wgo.resources)} resources (equal to the truth)`,
    ],
  ],
)}

wgo is **${f.speedup}x** faster. Most of the script's time is process start-up of the CLIs, not the API.`;
}

const [
  providers,
  scale,
  million,
  aws,
  gcp,
  kubernetes,
  merge,
  mergeInMemory,
  tools,
  gcpClients,
  sweep,
  heap,
  heapMillion,
] = await Promise.all([
  load<ProvidersFigures>('providers'),
  load<ScaleFigures>('scale'),
  load<ScaleFigures>('scale-1m'),
  load<AwsFigures>('aws'),
  load<GcpFigures>('gcp'),
  load<KubernetesFigures>('kubernetes'),
  load<MergeFigures>('merge'),
  load<MergeFigures>('merge-in-memory'),
  load<ToolsFigures>('tools'),
  load<GcpClientsFigures>('gcp-clients'),
  load<SweepFigures>('sweep'),
  load<HeapFigures>('heap'),
  load<HeapFigures>('heap-1m'),
]);
const machine = [providers, scale, aws, gcp, kubernetes, merge, tools].find((r) => r)?.machine;
const profile = (await readFile(new URL('profiles/standard.json', import.meta.url), 'utf8')).trim();
const tuning = (await readFile(new URL('tuning.md', import.meta.url), 'utf8')).trim();

const document = `# Benchmarks

<!-- Generated by \`node bench/report.ts\` from bench/results/*.json; edit bench/tuning.md or the generator, not this file. -->

Measured on ${machine ? `${machine.cores} cores (${machine.cpu}), ${machine.memoryGB} GiB, Node ${machine.node}` : 'no machine yet'}. The simulator runs in its own process (its CPU is not ours) with the fixed latency profile of CONTRACT.md, \`bench/profiles/standard.json\`: \`${profile.replace(/\s+/g, ' ')}\`, 40 ms per request. Reproduce everything with \`npm run bench\` (about 30 minutes) and the million-resource rows with \`npm run bench -- scale-1m heap-1m\`; each benchmark writes \`bench/results/NAME.json\` and this file.

## Table A: providers at once (the spec's "Typical Performance Gains")

${providersSection(providers)}

## Table B: scale (the spec's "Resource Scale Testing")

${scaleSection(scale, million)}

## Against the CLIs

${toolsSection(tools)}

## Per provider

### AWS

${awsSection(aws)}

### GCP

${gcpSection(gcp)}

${gcpClientsSection(gcpClients)}

### Kubernetes

${kubernetesSection(kubernetes)}

### Merger

${mergeSection(merge, mergeInMemory)}

## Tuning

### API concurrency per provider

${sweepSection(sweep)}

### Memory: the V8 young generation

${heapSection(heap, heapMillion)}

${tuning}
`;
await writeFile(new URL('../BENCHMARKS.md', import.meta.url), document);
