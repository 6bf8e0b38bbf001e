/**
 * Checking a benchmark's snapshot against the simulator's truth: every bench run proves it lost
 * nothing.
 */
import type { Resource } from '../src/core/resource.ts';

/** One truth line of the simulator. */
export interface TruthLine {
  readonly uid: string;
  readonly type: string;
  readonly provider: string;
  readonly account: string;
}

/** Reads the truth, optionally filtered by provider. */
export async function readTruth(url: string, provider?: string): Promise<TruthLine[]> {
  const target = new URL(url);
  if (provider) target.searchParams.set('provider', provider);
  const text = await (await fetch(target)).text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TruthLine);
}

/** Missing and unexpected uids of `found` against `expected`. */
export function compareToTruth(
  found: Iterable<Pick<Resource, 'uid'>>,
  expected: readonly TruthLine[],
): { missing: number; unexpected: number } {
  const want = new Set(expected.map((line) => line.uid));
  let unexpected = 0;
  for (const resource of found) {
    if (!want.delete(resource.uid)) unexpected++;
  }
  return { missing: want.size, unexpected };
}
