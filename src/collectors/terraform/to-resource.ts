/**
 * A state entry to a wgo Resource (CONTRACT.md section 1, the "terraform" row). Everything is
 * derived from the redacted attributes, so no secret can reach the uid, id, name or tags.
 */
import type { Resource } from '../../core/resource.ts';
import { terraformUid } from '../../core/uid.ts';
import { text } from './attributes.ts';
import { cloudUid } from './cloud-uid.ts';
import { nameOf } from './names.ts';
import { placementOf } from './placement.ts';
import { redactAttributes } from './redact.ts';
import type { StateEntry } from './state-entries.ts';
import { tagsOf } from './tags.ts';

/** The `id` attribute as text (a few providers store numbers), else `undefined`. */
function idOf(value: unknown): string | undefined {
  return typeof value === 'number' ? String(value) : text(value);
}

/**
 * Maps one state entry to a Resource.
 *
 * The uid is the cloud uid when the type is in the contract's table and the attributes give
 * every part of it, else `tf://STATE/ADDRESS`. A deposed object is a distinct cloud object, so
 * a cloud uid already tells it apart; its `tf://` uid takes the suffix `#deposed=KEY`.
 *
 * @param stateName the state's location as the user named it (a path relative to `--path`, or a URL)
 * @param observedAt ISO 8601 time the state was read
 */
export function toResource(entry: StateEntry, stateName: string, observedAt: string): Resource {
  const configuration = redactAttributes(entry.type, entry.attributes, entry.sensitivePaths);
  const tags = tagsOf(entry.type, configuration);
  return {
    uid:
      cloudUid(entry.type, configuration, entry.identity) ??
      terraformUid(stateName, entry.address, entry.deposedKey),
    provider: 'terraform',
    type: entry.type,
    id: idOf(configuration.id) ?? entry.address,
    name: nameOf(entry.type, configuration, tags, entry.address),
    ...placementOf(entry.type, configuration, entry.identity),
    tags,
    configuration,
    sources: ['terraform'],
    managedBy: { tool: 'terraform', address: entry.address, state: stateName },
    observedAt,
  };
}
