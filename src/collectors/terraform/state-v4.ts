/**
 * State format version 4: `resources[]`, each with `module`, `mode`, `type`, `name` and
 * `instances[]` (`index_key`, `status`, `deposed`, `attributes` or the legacy `attributes_flat`,
 * `sensitive_attributes`, `identity`). `private` is provider-internal and never read.
 */
import { type InstanceKey, instanceAddress } from './address.ts';
import { unflatten } from './flatmap.ts';
import {
  corrupt,
  isJsonObject,
  type JsonObject,
  optionalArray,
  optionalObject,
  optionalString,
  requiredString,
} from './json-shape.ts';
import { readSensitivePaths } from './sensitive-paths.ts';
import type { StateEntry } from './state-entries.ts';

interface ResourceHeader {
  readonly module: string;
  readonly type: string;
  readonly name: string;
}

/** A short keyword is safe to quote in a message; anything else is left out. */
function quoteKeyword(value: unknown): string {
  return typeof value === 'string' && /^[a-z_]{1,20}$/.test(value) ? ` ("${value}")` : '';
}

function readIndexKey(value: unknown, where: string): InstanceKey | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw corrupt(where, 'is neither a non-negative integer nor a string');
}

function readTainted(value: unknown, where: string): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (value === 'tainted') return true;
  throw corrupt(where, `is not "tainted"${quoteKeyword(value)}`);
}

function readFlatAttributes(value: JsonObject, where: string): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, leaf] of Object.entries(value)) {
    if (typeof leaf !== 'string') throw corrupt(where, 'holds a value that is not a string');
    flat[key] = leaf;
  }
  return flat;
}

function readAttributes(instance: JsonObject, where: string): Record<string, unknown> {
  const nested = optionalObject(instance.attributes, `${where}.attributes`);
  if (nested) return nested;
  const flat = optionalObject(instance.attributes_flat, `${where}.attributes_flat`);
  return flat ? unflatten(readFlatAttributes(flat, `${where}.attributes_flat`)) : {};
}

function readInstance(header: ResourceHeader, instance: unknown, where: string): StateEntry {
  if (!isJsonObject(instance)) throw corrupt(where, 'is not an object');
  const indexKey = readIndexKey(instance.index_key, `${where}.index_key`);
  const deposedKey = optionalString(instance.deposed, `${where}.deposed`);
  const identity = optionalObject(instance.identity, `${where}.identity`);
  return {
    address: instanceAddress(header.module, header.type, header.name, indexKey),
    module: header.module,
    mode: 'managed',
    type: header.type,
    name: header.name,
    ...(indexKey === undefined ? {} : { indexKey }),
    tainted: readTainted(instance.status, `${where}.status`),
    ...(deposedKey === undefined ? {} : { deposedKey }),
    attributes: readAttributes(instance, where),
    sensitivePaths: readSensitivePaths(instance.sensitive_attributes, `${where}.sensitive_attributes`),
    ...(identity === undefined ? {} : { identity }),
  };
}

/** The managed instance objects of a version 4 state, in file order. */
export function readV4Entries(state: JsonObject): StateEntry[] {
  const entries: StateEntry[] = [];
  const seen = new Set<string>();
  optionalArray(state.resources, '"resources"').forEach((resource, i) => {
    const where = `resources[${i}]`;
    if (!isJsonObject(resource)) throw corrupt(where, 'is not an object');
    const mode = resource.mode;
    if (mode !== 'managed' && mode !== 'data') {
      throw corrupt(`${where}.mode`, `is neither "managed" nor "data"${quoteKeyword(mode)}`);
    }
    const header: ResourceHeader = {
      module: optionalString(resource.module, `${where}.module`) ?? '',
      type: requiredString(resource.type, `${where}.type`),
      name: requiredString(resource.name, `${where}.name`),
    };
    const instances = optionalArray(resource.instances, `${where}.instances`);
    if (mode === 'data') return;
    instances.forEach((instance, j) => {
      const entry = readInstance(header, instance, `${where}.instances[${j}]`);
      const identityKey = `${entry.address}#${entry.deposedKey ?? ''}`;
      if (seen.has(identityKey)) {
        throw corrupt(where, `holds ${entry.address}${entry.deposedKey ? ' (deposed)' : ''} twice`);
      }
      seen.add(identityKey);
      entries.push(entry);
    });
  });
  return entries;
}
