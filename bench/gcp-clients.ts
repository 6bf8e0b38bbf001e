/**
 * Why the GCP collector calls the REST APIs through google-auth-library instead of the
 * `@google-cloud/*` client libraries (issue 6): each option is installed into a temporary folder
 * at pinned versions, then measured for what it costs a scan before its first request: packages
 * installed, size on disk, and the cold import (time and peak RSS of a fresh process, median of
 * five). `@google-cloud/iam` has no service-account list (that is IAM admin v1, only in the
 * generated `googleapis` package), so the client-library side would still need a REST call.
 *
 * Needs the npm registry, so `npm run bench` runs it only when named:
 * `npm run bench -- gcp-clients`. Prints one JSON object.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const RUNS = 5;

/** The two ways to reach Compute, Storage and GKE; versions as current on the day measured. */
const OPTIONS: Record<string, { packages: Record<string, string>; imports: string[] }> = {
  'google-auth-library (REST, what wgo uses)': {
    packages: { 'google-auth-library': '11.3.4' },
    imports: ['google-auth-library'],
  },
  '@google-cloud/* clients': {
    packages: {
      '@google-cloud/compute': '6.15.0',
      '@google-cloud/storage': '7.22.0',
      '@google-cloud/container': '6.10.0',
    },
    imports: ['@google-cloud/compute', '@google-cloud/storage', '@google-cloud/container'],
  },
};

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function measure(packages: Record<string, string>, imports: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'wgo-gcp-clients-'));
  try {
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'probe', private: true, dependencies: packages }),
    );
    await exec('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir });
    const { stdout: tree } = await exec('npm', ['ls', '--all', '--parseable'], {
      cwd: dir,
      maxBuffer: 2 ** 24,
    });
    const { stdout: du } = await exec('du', ['-sk', join(dir, 'node_modules')]);
    const probe = `const t = performance.now();
for (const m of ${JSON.stringify(imports)}) await import(m);
console.log(JSON.stringify({ ms: performance.now() - t, rssKiB: process.resourceUsage().maxRSS }));`;
    await writeFile(join(dir, 'probe.mjs'), probe);
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const { stdout } = await exec(process.execPath, ['probe.mjs'], { cwd: dir });
      runs.push(JSON.parse(stdout) as { ms: number; rssKiB: number });
    }
    return {
      versions: packages,
      packagesInstalled: tree.trim().split('\n').length - 1,
      diskMB: Math.round(Number(du.split('\t')[0]) / 1024),
      coldImportMs: Math.round(median(runs.map((r) => r.ms))),
      peakRssMB: Math.round(median(runs.map((r) => r.rssKiB)) / 1024),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const results: Record<string, unknown> = {};
for (const [name, option] of Object.entries(OPTIONS))
  results[name] = await measure(option.packages, option.imports);
process.stdout.write(
  `${JSON.stringify({ bench: 'gcp-clients', node: process.version, options: results })}\n`,
);
