/**
 * Snapshots as JSON text, produced in pieces so a writer can stream a million resources without
 * building one string. The layout is one resource per line inside an ordinary JSON document,
 * which keeps files greppable and diffable.
 */
import type { SnapshotHeader } from '../core/snapshot.ts';
import { SNAPSHOT_SET_FORMAT } from '../core/snapshot.ts';
import type { MergedResources } from '../merge/merger.ts';

/** One snapshot with its resources, as `wgo.snapshot/v1` JSON. */
export function* snapshotJson(header: SnapshotHeader, resources: MergedResources): Generator<string> {
  const head = JSON.stringify(header);
  yield `${head.slice(0, -1)},"resources":[`;
  let first = true;
  for (const line of resources.json()) {
    yield first ? `\n${line}` : `,\n${line}`;
    first = false;
  }
  yield first ? ']}\n' : '\n]}\n';
}

/** Each provider's own snapshot (`--skip-merging`), as `wgo.snapshot-set/v1` JSON. */
export function* snapshotSetJson(
  parts: Readonly<Record<string, { header: SnapshotHeader; resources: MergedResources }>>,
): Generator<string> {
  yield `{"format":${JSON.stringify(SNAPSHOT_SET_FORMAT)},"snapshots":{`;
  let first = true;
  for (const [name, part] of Object.entries(parts)) {
    yield `${first ? '' : ','}\n${JSON.stringify(name)}:`;
    first = false;
    for (const chunk of snapshotJson(part.header, part.resources))
      yield chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
  }
  yield '}}\n';
}

/**
 * NDJSON: one resource per line, then the header with `"resources": null` (CONTRACT.md
 * section 2), so a reader knows the stream ended complete.
 */
export function* snapshotNdjson(header: SnapshotHeader, resources: MergedResources): Generator<string> {
  for (const line of resources.json()) yield `${line}\n`;
  yield `${JSON.stringify({ ...header, resources: null })}\n`;
}
