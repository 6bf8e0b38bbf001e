/**
 * Running the real `wgo` command as its own process for a benchmark: wall time, exit code,
 * stderr (the summary) and peak RSS.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./rss-preload.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface WgoRun {
  readonly code: number | null;
  readonly wallMs: number;
  /** Peak resident memory in MiB (2^20 bytes), as BENCHMARKS.md labels it. */
  readonly peakRssMB: number;
  /** What wgo printed: the summary, when the snapshot went to a file. */
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `wgo ARGS` with `env` added. Write the snapshot with -f: stdout is kept as a string. */
export async function runWgo(args: readonly string[], env: NodeJS.ProcessEnv): Promise<WgoRun> {
  const dir = await mkdtemp(join(tmpdir(), 'wgo-rss-'));
  const rssFile = join(dir, 'rss');
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', PRELOAD, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, WGO_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) =>
      child.on('close', (exitCode) => resolve(exitCode)),
    );
    const wallMs = performance.now() - started;
    const peakKiB = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN'));
    return { code, wallMs: Math.round(wallMs), peakRssMB: Math.round(peakKiB / 1024), stdout, stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Figures the summary prints: efficiency ratio and connection reuse. */
export function summaryFigures(summary: string): {
  efficiencyRatio?: number;
  requests?: number;
  connections?: number;
} {
  const ratio = /efficiency ratio ([\d.]+)/.exec(summary)?.[1];
  const reuse = /([\d,]+) HTTP requests over ([\d,]+) connections/.exec(summary);
  const number = (text: string | undefined) =>
    text === undefined ? undefined : Number(text.replaceAll(',', ''));
  const efficiencyRatio = number(ratio);
  const requests = number(reuse?.[1]);
  const connections = number(reuse?.[2]);
  return {
    ...(efficiencyRatio !== undefined ? { efficiencyRatio } : {}),
    ...(requests !== undefined ? { requests } : {}),
    ...(connections !== undefined ? { connections } : {}),
  };
}
