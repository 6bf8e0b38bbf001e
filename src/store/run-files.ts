/**
 * Temporary files for the merger's spilled runs: one file per sorted run in a private temporary
 * folder, read back line by line with a small buffer, and removed when the merger is disposed
 * (or, at the latest, when the process exits).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunStore } from '../merge/merger.ts';

const WRITE_BATCH = 2_000;
const READ_BUFFER = 1 << 20;

function* readLines(path: string): Iterator<string> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BUFFER);
    const decoder = new TextDecoder();
    let rest = '';
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      const lines = (rest + decoder.decode(buffer.subarray(0, read), { stream: true })).split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
    rest += decoder.decode();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** Runs as files under the system's temporary folder. */
export class TempRunFiles implements RunStore {
  #dir: string | undefined;
  #count = 0;
  readonly #cleanup = () => this.dispose();

  write(lines: readonly string[]): () => Iterator<string> {
    if (!this.#dir) {
      this.#dir = mkdtempSync(join(tmpdir(), 'wgo-merge-'));
      process.once('exit', this.#cleanup);
    }
    const path = join(this.#dir, `run-${this.#count++}.ndjson`);
    const fd = openSync(path, 'wx');
    try {
      for (let start = 0; start < lines.length; start += WRITE_BATCH) {
        writeSync(fd, `${lines.slice(start, start + WRITE_BATCH).join('\n')}\n`);
      }
    } finally {
      closeSync(fd);
    }
    return () => readLines(path);
  }

  dispose(): void {
    if (!this.#dir) return;
    rmSync(this.#dir, { recursive: true, force: true });
    process.removeListener('exit', this.#cleanup);
    this.#dir = undefined;
  }
}
