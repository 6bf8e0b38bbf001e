import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.ts';
import { FIXTURES_MISSING, fixtureManifest, TFSTATE_REAL } from '../helpers/fixtures.ts';
import { assertValidSnapshot, assertValidSnapshotSet } from '../helpers/schema.ts';

const EXAMPLES = join(REPO, 'examples/terraform');
const EXAMPLE_SECRETS = [
  'example-password-not-real',
  'example-signing-key-not-real',
  'example-access-key-not-real',
  'example-result-not-real',
];

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'wgo-e2e-'));
}

async function readSnapshot(path: string): Promise<Snapshot> {
  return JSON.parse(await readFile(path, 'utf8')) as Snapshot;
}

describe('wgo scan --provider terraform', () => {
  test('wgo scan - the summary: providers with status and counts, and resources by type as in the snapshot', async () => {
    const args = ['scan', '--provider', 'terraform', '--path', EXAMPLES];
    const [summary, json] = await Promise.all([runCli(args), runCli([...args, '-o', 'json'])]);
    assert.equal(summary.code, 0, summary.stderr);
    const snapshot = JSON.parse(json.stdout) as Snapshot;
    const total = snapshot.resources.length;
    assert.match(
      summary.stdout,
      new RegExp(`^Scanned 1 provider in \\S+: ${total} resources, efficiency ratio [\\d.]+$`, 'm'),
    );
    assert.match(summary.stdout, new RegExp(`^terraform +ok +\\S+ +${total} +`, 'm'));
    const byType = Object.fromEntries(
      [...summary.stdout.matchAll(/^([a-z0-9_]+) +(\d+)$/gm)].map(([, type, count]) => [type, Number(count)]),
    );
    assert.deepEqual(byType, snapshot.providers.terraform?.resources);
  });

  test('wgo scan - the real-world fixtures: exactly their managed instances, valid snapshot', async (t) => {
    if (FIXTURES_MISSING) return t.skip(FIXTURES_MISSING);
    const out = join(await tempDir(), 'snap.json');
    const result = await runCli([
      'scan',
      '--provider',
      'terraform',
      '--path',
      TFSTATE_REAL,
      '--output-file',
      out,
    ]);
    assert.equal(result.code, 0, result.stderr);
    const snapshot = await readSnapshot(out);
    assertValidSnapshot(snapshot);
    const manifest = fixtureManifest();
    const expected: Record<string, number> = {};
    for (const entry of manifest) {
      for (const [type, count] of Object.entries(entry.resource_types)) {
        if (!type.startsWith('data.') && count > 0) expected[type] = (expected[type] ?? 0) + count;
      }
    }
    const total = manifest.reduce((sum, entry) => sum + entry.managed_instances, 0);
    assert.deepEqual(
      snapshot.providers.terraform?.resources,
      Object.fromEntries(Object.entries(expected).sort()),
    );
    assert.equal(snapshot.resources.length, total, 'no two fixture entries share a uid');
    assert.equal(snapshot.incomplete, false);
    assert.ok(
      snapshot.resources.every((r) => r.managedBy?.tool === 'terraform' && r.sources[0] === 'terraform'),
    );
    assert.match(result.stdout, /Snapshot written to/);
  });

  test('wgo scan - the bundled examples as JSON on stdout, secrets redacted, backend config never read', async () => {
    const result = await runCli(['scan', '--provider', 'terraform', '--path', EXAMPLES, '-o', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const snapshot = JSON.parse(result.stdout) as Snapshot;
    assertValidSnapshot(snapshot);
    assert.equal(snapshot.resources.length, 22);
    const uids = snapshot.resources.map((r) => r.uid);
    assert.deepEqual(uids, [...uids].sort(), 'sorted by uid');
    assert.ok(
      uids.includes('arn:aws:ec2:eu-west-1:123456789012:instance/i-0a1b2c3d4e5f60010'),
      'cloud uid from arn',
    );
    assert.ok(uids.includes('arn:aws:s3:::shop-prod-assets-demo'));
    assert.ok(
      uids.includes('tf://app/terraform.tfstate/random_password.db'),
      'tf:// for types outside the table',
    );
    const web = snapshot.resources.find((r) => r.managedBy?.address === 'module.web.aws_instance.web[1]');
    assert.equal(web?.name, 'shop-web-1');
    assert.equal(web?.managedBy?.state, 'app/terraform.tfstate');
    for (const secret of EXAMPLE_SECRETS) {
      assert.ok(!result.stdout.includes(secret), `${secret} leaked to stdout`);
      assert.ok(!result.stderr.includes(secret), `${secret} leaked to stderr`);
    }
    assert.match(result.stderr, /Scanned 1 provider/, 'the summary goes to stderr when stdout carries data');
  });

  test('wgo scan - WGO_DEBUG=true logs to stderr without secrets', async () => {
    const result = await runCli(['scan', '--provider', 'terraform', '--path', EXAMPLES, '-o', 'ndjson'], {
      env: { WGO_DEBUG: 'true' },
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /wgo: debug: /);
    for (const secret of EXAMPLE_SECRETS)
      assert.ok(!`${result.stdout}${result.stderr}`.includes(secret), secret);
  });

  test('wgo scan -o ndjson - one resource per line, then the header with resources null', async () => {
    const result = await runCli([
      'scan',
      '--provider',
      'terraform',
      '--path',
      EXAMPLES,
      '-o',
      'ndjson',
      '--quiet',
    ]);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '', '--quiet silences stderr');
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(lines.length, 23);
    const header = lines.at(-1);
    assert.equal(header.format, 'wgo.snapshot/v1');
    assert.equal(header.resources, null);
    assertValidSnapshot({ ...header, resources: lines.slice(0, -1) });
  });

  test('wgo scan -o yaml - parses back to a valid snapshot', async () => {
    const result = await runCli(['scan', '--provider', 'terraform', '--path', EXAMPLES, '-o', 'yaml']);
    assert.equal(result.code, 0, result.stderr);
    const snapshot = parseYaml(result.stdout) as Snapshot;
    assertValidSnapshot(snapshot);
    assert.equal(snapshot.resources.length, 22);
  });

  test('wgo scan --skip-merging - a snapshot set with each provider its own snapshot', async () => {
    const out = join(await tempDir(), 'set.json');
    const result = await runCli([
      'scan',
      '--provider',
      'terraform',
      '--path',
      EXAMPLES,
      '--skip-merging',
      '-f',
      out,
    ]);
    assert.equal(result.code, 0, result.stderr);
    const set = JSON.parse(await readFile(out, 'utf8'));
    assertValidSnapshotSet(set);
    assert.equal(set.snapshots.terraform.resources.length, 22);
  });

  test('wgo scan --types / --exclude-types - filter by resource type', async () => {
    const only = await runCli([
      'scan',
      '--provider',
      'terraform',
      '--path',
      EXAMPLES,
      '-o',
      'json',
      '--types',
      'aws_subnet,aws_vpc',
    ]);
    assert.deepEqual(
      [...new Set((JSON.parse(only.stdout) as Snapshot).resources.map((r) => r.type))].sort(),
      ['aws_subnet', 'aws_vpc'],
    );
    const without = await runCli([
      'scan',
      '--provider',
      'terraform',
      '--path',
      EXAMPLES,
      '-o',
      'json',
      '--exclude-types',
      'aws_subnet',
    ]);
    const types = (JSON.parse(without.stdout) as Snapshot).resources.map((r) => r.type);
    assert.equal(types.length, 20);
    assert.ok(!types.includes('aws_subnet'));
  });

  test('wgo scan - the same input gives the same bytes except id, createdAt, observedAt and durations', async () => {
    const normalise = (text: string) =>
      text
        .replace(/"id":"[0-9a-f-]{36}"/, '"id":"X"')
        .replace(/"(createdAt|observedAt)":"[^"]+"/g, '"$1":"T"')
        .replace(/"durationMs":[0-9.e-]+/g, '"durationMs":0');
    const first = await runCli(['scan', '--provider', 'terraform', '--path', EXAMPLES, '-o', 'json']);
    const second = await runCli(['scan', '--provider', 'terraform', '--path', EXAMPLES, '-o', 'json']);
    assert.equal(normalise(first.stdout), normalise(second.stdout));
    assert.notEqual(first.stdout, second.stdout, 'the snapshot id differs');
  });

  test('wgo scan - a corrupt state is reported by name, the other files are still read (exit 1)', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'good'));
    await copyFile(join(EXAMPLES, 'network/terraform.tfstate'), join(dir, 'good/terraform.tfstate'));
    const text = await readFile(join(EXAMPLES, 'app/terraform.tfstate'), 'utf8');
    await mkdir(join(dir, 'broken'));
    await writeFile(join(dir, 'broken/terraform.tfstate'), text.slice(0, text.length / 2));
    await writeFile(join(dir, 'future.tfstate'), JSON.stringify({ version: 5, resources: [] }));
    const out = join(dir, 'snap.json');
    const result = await runCli(['scan', '--provider', 'terraform', '--path', dir, '-f', out]);
    assert.equal(result.code, 1);
    assert.ok(!hasStackTrace(result.stderr) && !hasStackTrace(result.stdout));
    const snapshot = await readSnapshot(out);
    assertValidSnapshot(snapshot);
    assert.equal(snapshot.resources.length, 6, 'the good file is kept');
    assert.equal(snapshot.incomplete, true);
    const terraform = snapshot.providers.terraform;
    assert.equal(terraform?.status, 'partial');
    const byScope = Object.fromEntries(terraform?.errors.map((e) => [e.scope, e]) ?? []);
    assert.equal(byScope['broken/terraform.tfstate']?.code, 'corrupt-state');
    assert.match(byScope['broken/terraform.tfstate']?.message ?? '', /^broken\/terraform\.tfstate: /);
    assert.equal(byScope['future.tfstate']?.code, 'unsupported-state-version');
    assert.match(result.stdout, /broken\/terraform\.tfstate/, 'the summary names the file');
  });

  test('wgo scan --fail-on-error - stops at the failure, writes what was collected, exit 3', async () => {
    const dir = await tempDir();
    await copyFile(join(EXAMPLES, 'network/terraform.tfstate'), join(dir, 'a.tfstate'));
    await writeFile(join(dir, 'b.tfstate'), '{"version": 4, "resources": [');
    const out = join(dir, 'snap.json');
    const result = await runCli([
      'scan',
      '--provider',
      'terraform',
      '--path',
      dir,
      '--fail-on-error',
      '-f',
      out,
    ]);
    assert.equal(result.code, 3, result.stderr);
    const snapshot = await readSnapshot(out);
    assertValidSnapshot(snapshot);
    assert.equal(snapshot.incomplete, true);
    assert.equal(snapshot.resources.length, 6);
  });

  test('wgo scan --state - files and globs; .terraform/ is never read as state', async () => {
    const glob = await runCli([
      'scan',
      '--provider',
      'terraform',
      '--state',
      'examples/terraform/**/*.tfstate',
      '-o',
      'json',
    ]);
    assert.equal(glob.code, 0, glob.stderr);
    const snapshot = JSON.parse(glob.stdout) as Snapshot;
    assertValidSnapshot(snapshot);
    assert.equal(snapshot.resources.length, 22);
    assert.ok(
      snapshot.resources.some((r) => r.managedBy?.state === 'examples/terraform/legacy/terraform.tfstate'),
    );
    const backend = await runCli([
      'scan',
      '--provider',
      'terraform',
      '--state',
      'examples/terraform/app/.terraform/terraform.tfstate',
      '-o',
      'json',
    ]);
    assert.equal(backend.code, 1);
    const refused = JSON.parse(backend.stdout) as Snapshot;
    assert.equal(refused.providers.terraform?.errors[0]?.code, 'not-state');
    assert.ok(!backend.stdout.includes('example-access-key-not-real'));
  });
});

describe('wgo command line', () => {
  test('wgo --version and --help', async () => {
    const manifest = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8'));
    const version = await runCli(['--version']);
    assert.equal(version.stdout, `wgo ${manifest.version}\n`);
    const help = await runCli(['scan', '--help']);
    assert.equal(help.code, 0);
    for (const flag of [
      '--concurrent',
      '--max-workers',
      '--scan-timeout',
      '--fail-on-error',
      '--skip-merging',
      '--preferred-order',
    ]) {
      assert.ok(help.stdout.includes(flag), flag);
    }
    assert.equal((await runCli(['validate', '--help'])).code, 0);
    assert.equal((await runCli(['--help'])).code, 0);
  });

  test('wgo - usage errors: one line, exit 2, no stack trace', async () => {
    for (const args of [
      ['scan', '--frobnicate'],
      ['scan', '--max-workers', 'zero'],
      ['scan', '--provider', 'azure'],
      ['scan', '--preferred-order', 'nope', '--provider', 'terraform'],
      ['explode'],
      [],
    ]) {
      const result = await runCli(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.ok(!hasStackTrace(result.stderr), args.join(' '));
      if (args.length > 0) assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
    }
  });

  test('wgo scan - a bad config file: file, line and setting named, exit 2', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'config.yaml'), 'scan:\n  maxWorkers: -3\n');
    const result = await runCli(['scan', '--provider', 'terraform', '--path', EXAMPLES], {
      env: { WGO_HOME: dir },
    });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, `wgo: ${join(dir, 'config.yaml')}:2:15: scan.maxWorkers must be >= 1\n`);
  });

  test('wgo scan - the config file sets defaults and flags override it', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'wgo.yaml'),
      `scan:\n  output: ndjson\nproviders:\n  terraform:\n    paths: [${JSON.stringify(join(EXAMPLES, 'network'))}]\n`,
    );
    const fromFile = await runCli(['scan'], { env: { WGO_CONFIG: join(dir, 'wgo.yaml') } });
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.equal(fromFile.stdout.trimEnd().split('\n').length, 7, 'ndjson of the network state');
    const overridden = await runCli([
      'scan',
      '--path',
      join(EXAMPLES, 'legacy'),
      '-o',
      'json',
      '--config',
      join(dir, 'wgo.yaml'),
    ]);
    assert.equal((JSON.parse(overridden.stdout) as Snapshot).resources.length, 3);
  });

  test('wgo validate --provider terraform - one line per state', async () => {
    const ok = await runCli(['validate', '--provider', 'terraform', '--path', EXAMPLES]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(
      ok.stdout,
      /terraform: ok {2}legacy\/terraform\.tfstate {2}state v3, written by 0\.11\.14: 3 managed resources/,
    );
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.tfstate'), 'not json');
    const bad = await runCli(['validate', '--provider', 'terraform', '--path', dir]);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /terraform: FAIL {2}bad\.tfstate/);
  });
});
