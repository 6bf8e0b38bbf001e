/**
 * Merger benchmark: N small resources (default 1,000,000) fed in batches of 500, a tenth of them
 * reported a second time by a Terraform state, then read back in uid order as snapshot JSON.
 * The merger is set up as the scanner sets it up (its default memory budget, sorted runs spilled
 * to temporary files); `--in-memory` measures it without a budget, everything held.
 * Prints one JSON object: wall times and peak memory. Run through `npm run bench`.
 *
 * Usage: node bench/merge.ts [N] [--in-memory]
 */
import type { Resource } from '../src/core/resource.ts';
import { SNAPSHOT_FORMAT } from '../src/core/snapshot.ts';
import { Merger } from '../src/merge/merger.ts';
import { snapshotJson } from '../src/output/snapshot-json.ts';
import { DEFAULT_MERGE_BUDGET } from '../src/scanner/concurrent-scanner.ts';
import { TempRunFiles } from '../src/store/run-files.ts';

const args = process.argv.slice(2);
const inMemory = args.includes('--in-memory');
const total = Number(args.find((arg) => !arg.startsWith('--')) ?? 1_000_000);
const BATCH = 500;
const observedAt = new Date().toISOString();

function cloud(i: number): Resource {
  const id = `i-${i.toString(16).padStart(17, '0')}`;
  return {
    uid: `arn:aws:ec2:eu-west-1:123456789012:instance/${id}`,
    provider: 'aws',
    type: 'aws_instance',
    id,
    name: `web-${i}`,
    account: '123456789012',
    region: 'eu-west-1',
    tags: { Name: `web-${i}`, team: `team-${i % 17}` },
    configuration: { instanceType: 't3.small', state: 'running' },
    sources: ['aws'],
    observedAt,
  };
}

function managed(i: number): Resource {
  const resource = cloud(i);
  return {
    ...resource,
    provider: 'terraform',
    sources: ['terraform'],
    managedBy: { tool: 'terraform', address: `aws_instance.web[${i}]`, state: 'prod/terraform.tfstate' },
  };
}

const rssStart = process.memoryUsage().rss;
const started = performance.now();
const merger = inMemory
  ? new Merger()
  : new Merger({ memoryBudget: DEFAULT_MERGE_BUDGET, runs: new TempRunFiles() });
let batch: Resource[] = [];
const duplicates = Math.floor(total / 10);
for (let i = 0; i < total - duplicates; i++) {
  batch.push(cloud(i));
  if (i < duplicates) batch.push(managed(i));
  if (batch.length >= BATCH) {
    merger.add(batch);
    batch = [];
  }
}
merger.add(batch);
const added = performance.now();
const heapAfterAdd = process.memoryUsage().heapUsed;

let bytes = 0;
const header = {
  format: SNAPSHOT_FORMAT,
  id: 'bench',
  createdAt: observedAt,
  incomplete: false,
  providers: {},
} as const;
for (const chunk of snapshotJson(header, merger)) bytes += chunk.length;
const written = performance.now();
merger.dispose();

process.stdout.write(
  `${JSON.stringify({
    bench: 'merge',
    mode: inMemory ? 'in memory' : `spilling past ${DEFAULT_MERGE_BUDGET / 2 ** 20} MiB of JSON`,
    reports: total,
    distinct: merger.size,
    duplicates: merger.duplicates,
    addMs: Math.round(added - started),
    writeMs: Math.round(written - added),
    totalMs: Math.round(written - started),
    outputMB: +(bytes / 1e6).toFixed(1),
    heapAfterAddMB: Math.round(heapAfterAdd / 1e6),
    rssStartMB: Math.round(rssStart / 1e6),
    peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
  })}\n`,
);
