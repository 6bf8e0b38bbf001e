/**
 * The parts of a GCP `Resource` every kind shares: labels as tags, the redacted API object as
 * configuration, the project as account.
 */
import type { Resource } from '../../core/resource.ts';
import { type ApiObject, isObject } from './json.ts';
import { redactConfiguration } from './redact.ts';

/** What a kind's mapper decides; the rest is common. */
export interface ResourceFields {
  readonly uid: string;
  readonly type: string;
  readonly id: string;
  readonly name: string;
  readonly project: string;
  readonly region?: string | undefined;
  readonly zone?: string | undefined;
  /** The object's labels (`labels`, GKE's `resourceLabels`). */
  readonly labels?: unknown;
}

function tagsOf(labels: unknown): Record<string, string> {
  if (!isObject(labels)) return {};
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) if (typeof value === 'string') tags[key] = value;
  return tags;
}

/** Builds the resource of an API object. */
export function gcpResource(fields: ResourceFields, item: ApiObject, observedAt: string): Resource {
  return {
    uid: fields.uid,
    provider: 'gcp',
    type: fields.type,
    id: fields.id,
    name: fields.name,
    account: fields.project,
    ...(fields.region ? { region: fields.region } : {}),
    ...(fields.zone ? { zone: fields.zone } : {}),
    tags: tagsOf(fields.labels),
    configuration: redactConfiguration(item),
    sources: ['gcp'],
    observedAt,
  };
}
