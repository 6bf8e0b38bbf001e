/**
 * Every real-world state in ../shared/fixtures/tfstate-real (public repositories, with a manifest
 * of expected counts) read end to end. A user's clone has no ../shared: the tests skip there.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readStateEntries, type StateEntry } from '../../../../src/collectors/terraform/state-entries.ts';
import { toResource } from '../../../../src/collectors/terraform/to-resource.ts';
import { REDACTED } from '../../../../src/core/resource.ts';
import { isSecretName, isSecretValue } from '../../../../src/core/secrets.ts';
import {
  fixtureManifest,
  TFSTATE_REAL as fixtures,
  FIXTURES_MISSING as missing,
} from '../../../helpers/fixtures.ts';

type Json = Record<string, unknown>;

const manifest = missing ? [] : fixtureManifest();
/** The fixtures' own redaction placeholder (their README), not ours. */
const PLACEHOLDER = 'REDACTED';

function read(file: string): { text: string; raw: Json } {
  const text = readFileSync(join(fixtures, file), 'utf8');
  return { text, raw: JSON.parse(text) };
}

/** The managed instances of a raw state, computed independently of the reader. */
function rawManaged(raw: Json): { key: string; attributes: Json; sensitive: unknown[][] }[] {
  if (raw.version === 3) {
    return (raw.modules as Json[]).flatMap((module) =>
      Object.entries((module.resources ?? {}) as Record<string, Json>)
        .filter(([key]) => !(key.startsWith('data.') && key.split('.').length > 2))
        .map(([key, resource]) => ({
          key: `${(module.path as string[]).join('/')}:${key}`,
          attributes: ((resource.primary as Json).attributes ?? {}) as Json,
          sensitive: [],
        })),
    );
  }
  return (raw.resources as Json[])
    .filter((resource) => resource.mode === 'managed')
    .flatMap((resource) =>
      (resource.instances as Json[]).map((instance) => ({
        key: `${resource.module ?? ''}:${resource.type}.${resource.name}:${JSON.stringify(instance.index_key ?? null)}`,
        attributes: instance.attributes as Json,
        sensitive: (instance.sensitive_attributes ?? []) as unknown[][],
      })),
    );
}

/** The key `rawManaged` gives the raw instance an entry was read from. */
function rawKeyOf(entry: StateEntry, version: number): string {
  if (version === 4)
    return `${entry.module}:${entry.type}.${entry.name}:${JSON.stringify(entry.indexKey ?? null)}`;
  const path = ['root', ...entry.module.split('.').filter((part, i) => part && i % 2 === 1)].join('/');
  return `${path}:${entry.type}.${entry.name}${entry.indexKey === undefined ? '' : `.${entry.indexKey}`}`;
}

/** Every path (as a list of keys) at which `value` holds `wanted`. */
function pathsOf(value: unknown, wanted: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === wanted) return [path];
  if (Array.isArray(value)) return value.flatMap((child, i) => pathsOf(child, wanted, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => pathsOf(child, wanted, [...path, key]));
  }
  return [];
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, step) => (node as Record<string | number, unknown> | undefined)?.[step],
    value,
  );
}

/** Every secret-named field and secret-shaped string left in a configuration. */
function leaks(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return isSecretValue(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((child, i) => leaks(child, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    isSecretName(key) && child !== null && child !== REDACTED
      ? [`${path}.${key}`]
      : leaks(child, `${path}.${key}`),
  );
}

test('tfstate-real fixtures', async (t) => {
  if (missing) {
    t.skip(missing);
    return;
  }
  assert.equal(manifest.length, 20);
  for (const item of manifest) {
    await t.test(item.file, () => {
      const { text, raw } = read(item.file);
      const state = readStateEntries(text);
      const resources = state.entries.map((entry) =>
        toResource(entry, item.file, '2025-01-01T00:00:00.000Z'),
      );

      assert.equal(state.version, item.format_version);
      assert.equal(state.entries.length, item.managed_instances, 'managed instances');
      const expectedTypes = Object.fromEntries(
        Object.entries(item.resource_types).filter(([type, count]) => !type.startsWith('data.') && count > 0),
      );
      const types: Record<string, number> = {};
      for (const entry of state.entries) types[entry.type] = (types[entry.type] ?? 0) + 1;
      assert.deepEqual(types, expectedTypes, 'instances per type');

      // No data source slipped in: every entry is one of the raw managed instances.
      const managed = rawManaged(raw);
      assert.deepEqual(
        state.entries.map((entry) => rawKeyOf(entry, state.version)),
        managed.map(({ key }) => key),
      );
      const addresses = state.entries.map((entry) => `${entry.address}#${entry.deposedKey ?? ''}`);
      assert.equal(new Set(addresses).size, addresses.length, 'addresses are unique');
      assert.equal(new Set(resources.map((r) => r.uid)).size, resources.length, 'uids are unique');
      for (const entry of state.entries) assert.ok(!/(^|\.)data\.[a-z]/.test(entry.address), entry.address);

      managed.forEach(({ key, attributes, sensitive }, i) => {
        const configuration = resources[i]?.configuration;
        assert.ok(configuration, key);
        // The fixtures' placeholders: secrets come out redacted; `http_tokens` is the
        // fixtures' own false positive (the IMDS setting), kept as it was.
        for (const path of pathsOf(configuration, PLACEHOLDER)) assert.equal(path.at(-1), 'http_tokens', key);
        if (raw.version === 4) {
          for (const path of pathsOf(attributes, PLACEHOLDER)) {
            const expected = path.at(-1) === 'http_tokens' ? PLACEHOLDER : REDACTED;
            assert.equal(at(configuration, path), expected, `${key} ${path.join('.')}`);
          }
        }
        for (const steps of sensitive) {
          const path = (steps as { value: unknown }[]).map((step) =>
            typeof step.value === 'object' && step.value !== null
              ? (step.value as { value: unknown }).value
              : step.value,
          ) as (string | number)[];
          const original = at(attributes, path);
          assert.equal(
            at(configuration, path),
            original === null ? null : REDACTED,
            `${key} ${path.join('.')}`,
          );
        }
        assert.deepEqual(leaks(configuration), [], key);
      });

      // Root outputs are not resources, and a sensitive one never reaches them.
      const dump = JSON.stringify(resources);
      for (const output of Object.values((raw.outputs ?? {}) as Record<string, Json>)) {
        if (output.sensitive === true && typeof output.value === 'string' && output.value !== PLACEHOLDER) {
          assert.ok(!dump.includes(output.value));
        }
      }
      for (const resource of resources) {
        assert.equal(resource.provider, 'terraform');
        assert.deepEqual(resource.sources, ['terraform']);
        assert.equal(resource.managedBy?.state, item.file);
        assert.ok(resource.id && resource.name && resource.uid);
      }
    });
  }
});

test('tfstate-real fixtures - what the notes promise', async (t) => {
  if (missing) {
    t.skip(missing);
    return;
  }
  const load = (file: string) => readStateEntries(read(file).text);
  const resourcesOf = (file: string) => load(file).entries.map((entry) => toResource(entry, file, 'T'));

  await t.test('06: a managed resource named "data", nested modules, tainted objects', () => {
    const { entries } = load('06-v3-nested-modules-tainted-count.tfstate');
    const data = entries.filter((entry) => entry.type === 'local_file').map((entry) => entry.address);
    assert.deepEqual(
      data,
      [0, 1, 2, 3, 4].map((i) => `module.root_account.module.render.local_file.data[${i}]`),
    );
    assert.equal(entries.filter((entry) => entry.tainted).length, 3);
  });

  await t.test('08: a for_each key with a slash', () => {
    const [, subnet] = load('08-gcp-gke-modules-each-tf012.tfstate').entries;
    assert.equal(
      subnet?.address,
      'module.gke_network.module.subnets.google_compute_subnetwork.subnetwork["us-west2/gke-demo-subnet"]',
    );
  });

  await t.test('11: the RDS password is redacted and the tainted null_resource is read', () => {
    const { entries } = load('11-aws-rds-opentofu-minified-sensitive.tfstate');
    const db = resourcesOf('11-aws-rds-opentofu-minified-sensitive.tfstate').find(
      (r) => r.type === 'aws_db_instance',
    );
    assert.equal(db?.configuration.password, REDACTED);
    assert.equal(db?.uid, 'arn:aws:rds:us-east-1:992382546334:db:mysql');
    assert.equal(entries.find((entry) => entry.type === 'null_resource')?.tainted, true);
  });

  await t.test('14: data sources and outputs only, so no resources', () => {
    assert.deepEqual(load('14-aws-eks-data-only-sensitive-output.tfstate').entries, []);
  });

  await t.test('17: GKE master_auth is redacted whole', () => {
    const gke = resourcesOf('17-gcp-gke-cluster-node-pool.tfstate').find(
      (r) => r.type === 'google_container_cluster',
    );
    assert.equal(gke?.configuration.master_auth, REDACTED);
    assert.equal(
      gke?.uid,
      '//container.googleapis.com/projects/lhauspie-tz-keda/locations/europe-west2-a/clusters/lhauspie-tz-keda-gke',
    );
  });

  await t.test('20: a sensitive path with a cty-typed index step', () => {
    const vm = resourcesOf('20-mixed-aws-azure-gcp-identity.tfstate').find(
      (r) => r.type === 'google_compute_instance',
    );
    const bootDisk = (vm?.configuration.boot_disk as Record<string, unknown>[] | undefined)?.[0];
    assert.equal(bootDisk?.disk_encryption_key_rsa, REDACTED);
    assert.equal(bootDisk?.device_name, 'persistent-disk-0');
  });
});
