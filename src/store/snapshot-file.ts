/**
 * Snapshot files. Written under a temporary name in the same directory and renamed into place,
 * so a crash or Ctrl-C never leaves a half-written file under the real name.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { writeChunks } from './write-chunks.ts';

/** Writes `chunks` to `path` atomically (temporary file, then rename). */
export async function writeFileAtomically(path: string, chunks: Iterable<string>): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true });
  const temporary = join(
    directory,
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const out = createWriteStream(temporary, { flags: 'wx' });
  try {
    await writeChunks(out, chunks);
    out.end();
    await finished(out);
    await rename(temporary, path);
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
