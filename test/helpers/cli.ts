/**
 * Running the real `wgo` command in a child process, on the same Node as the tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assertValidSnapshot, assertValidSnapshotSet } from './schema.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Called once the child is running, e.g. to send it a signal later. */
  readonly onSpawn?: (child: ChildProcess) => void;
}

/** Runs `wgo ARGS` and collects its output. WGO_HOME points at an empty place by default. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        WGO_HOME: '/nonexistent-wgo-home',
        ...options.env,
      },
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
    child.on('error', reject);
    child.on('close', (code, signal) => {
      try {
        checkJsonOutput(args, stdout);
        resolve({ code, signal, stdout, stderr });
      } catch (error) {
        reject(error);
      }
    });
    options.onSpawn?.(child);
  });
}

/** Whether `args` ask for JSON on stdout (`-o json`, `--output json`, `--output=json`) with no output file. */
function jsonOnStdout(args: readonly string[]): boolean {
  if (args.some((arg) => arg === '-f' || arg.startsWith('--output-file'))) return false;
  return args.some(
    (arg, i) => arg === '--output=json' || ((arg === '-o' || arg === '--output') && args[i + 1] === 'json'),
  );
}

/** Every snapshot the CLI writes as JSON to stdout is checked against the schema, whatever the test reads of it. */
function checkJsonOutput(args: readonly string[], stdout: string): void {
  if (args[0] !== 'scan' || !jsonOnStdout(args) || stdout.trim() === '') return;
  const output = JSON.parse(stdout) as { format?: unknown };
  if (output.format === 'wgo.snapshot-set/v1') assertValidSnapshotSet(output);
  else assertValidSnapshot(output);
}

/** True when `text` looks like it holds a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[:(]/m.test(text);
}
