/**
 * Writing a stream of text pieces with backpressure, coalesced into large writes so a million
 * small pieces do not become a million syscalls.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const FLUSH_AT = 256 * 1024;

/** Writes every chunk to `out`, waiting for `drain` when its buffer is full. */
export async function writeChunks(out: Writable, chunks: Iterable<string>): Promise<void> {
  let buffer = '';
  const flush = async () => {
    if (buffer.length === 0) return;
    const text = buffer;
    buffer = '';
    if (!out.write(text)) await once(out, 'drain');
  };
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= FLUSH_AT) await flush();
  }
  await flush();
}
