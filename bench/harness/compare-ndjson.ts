/**
 * Checking an NDJSON snapshot against the simulator's truth without holding either: both are
 * sorted by uid, so one merge pass counts what is missing and what is unexpected.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';

/** The uids of the snapshot's resources of `providers` (its last line is the header). */
async function* snapshotUids(file: string, providers: readonly string[]): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.startsWith('{"uid":')) continue;
    const resource = JSON.parse(line) as { uid: string; provider: string };
    if (providers.includes(resource.provider)) yield resource.uid;
  }
}

async function* truthUids(truthUrl: string, providers: readonly string[]): AsyncGenerator<string> {
  const response = await fetch(truthUrl);
  if (!response.body) throw new Error('the truth endpoint sent no body');
  const lines = createInterface({ input: Readable.fromWeb(response.body as never) });
  for await (const line of lines) {
    if (!line) continue;
    const entry = JSON.parse(line) as { uid: string; provider: string };
    if (providers.includes(entry.provider)) yield entry.uid;
  }
}

/** Missing and unexpected uids of the snapshot in `file` against the truth of `providers`. */
export async function compareNdjsonToTruth(
  file: string,
  truthUrl: string,
  providers: readonly string[],
): Promise<{ found: number; expected: number; missing: number; unexpected: number }> {
  const found = snapshotUids(file, providers);
  const expected = truthUids(truthUrl, providers);
  let a = await found.next();
  let b = await expected.next();
  const counts = { found: 0, expected: 0, missing: 0, unexpected: 0 };
  while (!a.done || !b.done) {
    if (!a.done && (b.done || a.value < b.value)) {
      counts.found++;
      counts.unexpected++;
      a = await found.next();
    } else if (!b.done && (a.done || b.value < a.value)) {
      counts.expected++;
      counts.missing++;
      b = await expected.next();
    } else {
      counts.found++;
      counts.expected++;
      a = await found.next();
      b = await expected.next();
    }
  }
  return counts;
}
