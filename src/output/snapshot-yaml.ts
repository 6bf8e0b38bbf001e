/**
 * Snapshots as YAML, streamed: the header once, then each resource as a list item rendered on
 * its own.
 */
import { stringify } from 'yaml';
import type { Resource } from '../core/resource.ts';
import type { SnapshotHeader } from '../core/snapshot.ts';
import type { MergedResources } from '../merge/merger.ts';

const OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

function indent(text: string, prefix: string): string {
  return text.replace(/\n(?=.)/g, `\n${prefix}`);
}

function resourceItem(resource: Resource): string {
  return `  - ${indent(stringify(resource, OPTIONS), '    ')}`;
}

/** One snapshot as a YAML document. */
export function* snapshotYaml(header: SnapshotHeader, resources: MergedResources): Generator<string> {
  yield stringify(header, OPTIONS);
  if (resources.size === 0) {
    yield 'resources: []\n';
    return;
  }
  yield 'resources:\n';
  for (const resource of resources.resources()) yield resourceItem(resource);
}

/** Each provider's own snapshot (`--skip-merging`) in one YAML document. */
export function* snapshotSetYaml(
  format: string,
  parts: Readonly<Record<string, { header: SnapshotHeader; resources: MergedResources }>>,
): Generator<string> {
  yield `format: ${format}\nsnapshots:\n`;
  for (const [name, part] of Object.entries(parts)) {
    yield `  ${JSON.stringify(name)}:\n`;
    for (const chunk of snapshotYaml(part.header, part.resources)) yield `    ${indent(chunk, '    ')}`;
  }
}
