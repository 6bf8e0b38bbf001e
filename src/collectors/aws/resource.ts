/**
 * Building AWS resources: the fields every AWS type shares (provider, account, region, tags from
 * AWS's `[{Key, Value}]` lists, the Name-tag rule, redacted configuration).
 */
import { redactSecrets } from '../../core/redact.ts';
import type { Resource } from '../../core/resource.ts';

/** Where a resource was seen. `region` is absent for global services (IAM). */
export interface AwsScope {
  readonly account: string;
  readonly region?: string;
  readonly observedAt: string;
}

/** AWS's tag list shape. */
export type AwsTags = readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined;

/** `[{Key, Value}]` to a map. */
export function tagMap(tags: AwsTags): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? '';
  return out;
}

/** The fields that differ between AWS types. */
export interface AwsFields {
  readonly type: string;
  readonly uid: string;
  readonly id: string;
  readonly name: string;
  readonly zone?: string | undefined;
  readonly tags?: Record<string, string>;
  /** The API object; it is redacted here. */
  readonly item: unknown;
}

/** An AWS resource in `scope`. */
export function awsResource(scope: AwsScope, fields: AwsFields): Resource {
  return {
    uid: fields.uid,
    provider: 'aws',
    type: fields.type,
    id: fields.id,
    name: fields.name,
    account: scope.account,
    ...(scope.region ? { region: scope.region } : {}),
    ...(fields.zone ? { zone: fields.zone } : {}),
    tags: fields.tags ?? {},
    configuration: redactSecrets(fields.item) as Record<string, unknown>,
    sources: ['aws'],
    observedAt: scope.observedAt,
  };
}

/** The Name tag, else the id: the contract's name rule for EC2 objects. */
export function nameTagOr(tags: Record<string, string>, id: string): string {
  return tags.Name || id;
}
