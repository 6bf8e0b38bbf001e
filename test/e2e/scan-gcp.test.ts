/**
 * `wgo scan --provider gcp` and `wgo validate --provider gcp` through the real CLI against the
 * simulator: the user's view (environment variables, flags, stdout, stderr, exit codes).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Simulator, startSimulator } from '../../sim/index.ts';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { hasStackTrace, runCli } from '../helpers/cli.ts';
import { assertValidSnapshot } from '../helpers/schema.ts';
import { identities, simEnvironment } from '../integration/gcp/helpers.ts';
import { readTruth } from '../sim/helpers.ts';

const SCAN = [
  'scan',
  '--provider',
  'gcp',
  '--project',
  'acme-prod',
  '--project',
  'acme-staging',
  '-o',
  'json',
];

let sim: Simulator;
let throttled: Simulator;
let home: string;

before(async () => {
  [sim, throttled] = await Promise.all([
    startSimulator({ resources: 10_000, seed: 71 }),
    startSimulator({
      resources: 10_000,
      seed: 72,
      profile: {
        maxPageSize: { 'compute:disks.aggregatedList': 50, 'iam:serviceAccounts.list': 10 },
        rateLimits: [{ match: { provider: 'gcp' }, ratePerSecond: 10, burst: 2 }],
        faults: [{ match: { provider: 'gcp' }, errorRate: 0.05 }],
      },
    }),
  ]);
  // An empty HOME: no gcloud credentials file can sneak in.
  home = await mkdtemp(join(tmpdir(), 'wgo-gcp-home-'));
});
after(() => Promise.all([sim.close(), throttled.close()]));

function env(target: Simulator, extra: Record<string, string> = {}) {
  return { env: { HOME: home, ...simEnvironment(target), ...extra } };
}

describe('wgo scan --provider gcp', () => {
  for (const [name, target] of [
    ['', () => sim],
    [' under throttling and 5xx faults', () => throttled],
  ] as const) {
    test(`wgo scan - two projects at 10,000 resources equal the truth${name}`, async () => {
      const result = await runCli(SCAN, env(target()));
      assert.equal(result.code, 0, result.stderr);
      const snapshot = JSON.parse(result.stdout) as Snapshot;
      assertValidSnapshot(snapshot);
      assert.equal(snapshot.providers.gcp?.status, 'ok');
      assert.deepEqual(
        identities(snapshot.resources),
        identities(await readTruth(target().truth, { provider: 'gcp' })),
      );
      assert.match(result.stderr, /^gcp\s+ok\s/m, 'the summary goes to stderr');
      if (name) assert.ok((snapshot.providers.gcp?.throttled ?? 0) > 0, 'throttled and retried');
    });
  }

  test('wgo scan - without --project, GOOGLE_CLOUD_PROJECT, else the key file, names the project', async () => {
    const fromEnv = await runCli(
      ['scan', '--provider', 'gcp', '--types', 'google_compute_network', '-o', 'json'],
      env(sim, { GOOGLE_CLOUD_PROJECT: 'acme-staging' }),
    );
    assert.equal(fromEnv.code, 0, fromEnv.stderr);
    const staging = JSON.parse(fromEnv.stdout) as Snapshot;
    assert.ok(staging.resources.length > 0);
    assert.ok(staging.resources.every((resource) => resource.account === 'acme-staging'));
    const fromKey = await runCli(
      ['scan', '--provider', 'gcp', '--types', 'google_compute_network', '-o', 'json'],
      env(sim),
    );
    const key = JSON.parse(await readFile(sim.gcpCredentials, 'utf8')) as { project_id: string };
    const keyed = JSON.parse(fromKey.stdout) as Snapshot;
    assert.ok(keyed.resources.length > 0);
    assert.ok(keyed.resources.every((resource) => resource.account === key.project_id));
  });

  test('wgo scan - STORAGE_EMULATOR_HOST (a bare host:port) sends Storage there', async () => {
    const result = await runCli(
      [
        'scan',
        '--provider',
        'gcp',
        '--project',
        'acme-prod',
        '--types',
        'google_storage_bucket',
        '-o',
        'json',
      ],
      {
        env: {
          HOME: home,
          GOOGLE_APPLICATION_CREDENTIALS: sim.gcpCredentials,
          STORAGE_EMULATOR_HOST: new URL(sim.gcp).host,
        },
      },
    );
    assert.equal(result.code, 0, result.stderr);
    const snapshot = JSON.parse(result.stdout) as Snapshot;
    const truth = await readTruth(sim.truth, { provider: 'gcp', account: 'acme-prod' });
    assert.deepEqual(
      identities(snapshot.resources),
      identities(truth.filter((line) => line.type === 'google_storage_bucket')),
    );
  });

  test('wgo scan - no project and no credentials: gcp is skipped, saying how to name one', async () => {
    const result = await runCli(['scan', '--provider', 'gcp', '-o', 'json'], { env: { HOME: home } });
    assert.equal(result.code, 0, result.stderr);
    const snapshot = JSON.parse(result.stdout) as Snapshot;
    assert.equal(snapshot.providers.gcp?.status, 'skipped');
    assert.match(snapshot.providers.gcp?.errors[0]?.message ?? '', /no GCP project: pass --project/);
  });

  test('wgo scan - a bad credentials file: one error line naming the file, exit 2, no stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wgo-gcp-creds-'));
    const key = JSON.parse(await readFile(sim.gcpCredentials, 'utf8')) as Record<string, unknown>;
    const files: Record<string, [string, RegExp]> = {
      'missing.json': ['', /no such file/],
      'not-json.json': ['{"type": "service_account",', /not valid JSON/],
      'no-key.json': [JSON.stringify({ ...key, private_key: undefined }), /private_key/],
      'bad-key.json': [
        JSON.stringify({
          ...key,
          private_key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
        }),
        /private_key is not a usable PEM key/,
      ],
    };
    for (const [name, [content, reason]] of Object.entries(files)) {
      const file = join(dir, name);
      if (content) await writeFile(file, content);
      const result = await runCli(SCAN, env(sim, { GOOGLE_APPLICATION_CREDENTIALS: file }));
      assert.equal(result.code, 2, `${name}: nothing scanned is a configuration error: ${result.stderr}`);
      assert.ok(!hasStackTrace(result.stderr), result.stderr);
      const snapshot = JSON.parse(result.stdout) as Snapshot;
      assert.equal(snapshot.providers.gcp?.status, 'failed', 'the snapshot records the failure');
      const [error] = snapshot.providers.gcp?.errors ?? [];
      assert.equal(error?.code, 'config');
      assert.ok(
        error?.message.startsWith(`GCP credentials GOOGLE_APPLICATION_CREDENTIALS ${file}: `),
        error?.message,
      );
      assert.match(error?.message ?? '', reason);
      const lines = result.stderr.split('\n').filter((line) => line.includes(file));
      assert.equal(lines.length, 1, result.stderr);
      assert.ok(
        !String(key.private_key)
          .split('\n')
          .slice(1, 3)
          .some((line) => result.stderr.includes(line)),
      );
    }
  });

  test('wgo scan - credentials the API refuses: gcp fails with one error, exit 1', async () => {
    // A real key, but one this simulator never issued.
    const result = await runCli(SCAN, env(sim, { GOOGLE_APPLICATION_CREDENTIALS: throttled.gcpCredentials }));
    assert.equal(result.code, 1, result.stderr);
    const snapshot = JSON.parse(result.stdout) as Snapshot;
    assert.equal(snapshot.providers.gcp?.status, 'failed');
    assert.deepEqual(
      snapshot.providers.gcp?.errors.map((error) => error.code),
      ['authError'],
    );
    assert.equal(snapshot.resources.length, 0);
  });

  test('wgo scan - a bad --zone is a configuration error naming it, exit 2', async () => {
    const result = await runCli([...SCAN, '--zone', 'us-central1'], env(sim));
    assert.equal(result.code, 2);
    const snapshot = JSON.parse(result.stdout) as Snapshot;
    assert.equal(
      snapshot.providers.gcp?.errors[0]?.message,
      'gcp.zones: "us-central1" is not a GCP zone (such as us-central1-a)',
    );
    assert.match(result.stderr, /config: gcp\.zones: "us-central1" is not a GCP zone/);
  });
});

describe('wgo validate --provider gcp', () => {
  test('wgo validate - the credentials and each project, one line each', async () => {
    const result = await runCli(
      ['validate', '--provider', 'gcp', '--project', 'acme-prod', '--project', 'acme-staging'],
      env(sim),
    );
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const key = JSON.parse(await readFile(sim.gcpCredentials, 'utf8')) as { client_email: string };
    assert.deepEqual(result.stdout.trimEnd().split('\n'), [
      `gcp: ok  credentials  ${key.client_email} from ${sim.gcpCredentials}`,
      'gcp: ok  acme-prod  reachable (compute, storage, container, iam)',
      'gcp: ok  acme-staging  reachable (compute, storage, container, iam)',
    ]);
  });

  test('wgo validate - an unknown project and a bad credentials file fail, exit 1', async () => {
    const unknown = await runCli(['validate', '--provider', 'gcp', '--project', 'acme-nowhere'], env(sim));
    assert.equal(unknown.code, 1);
    assert.match(unknown.stdout, /^gcp: FAIL {2}acme-nowhere {2}unreachable; compute: notFound/m);
    const bad = await runCli(
      ['validate', '--provider', 'gcp', '--project', 'acme-prod'],
      env(sim, { GOOGLE_APPLICATION_CREDENTIALS: join(home, 'nope.json') }),
    );
    assert.equal(bad.code, 1);
    assert.equal(
      bad.stdout,
      `gcp: FAIL  credentials  GCP credentials GOOGLE_APPLICATION_CREDENTIALS ${join(home, 'nope.json')}: no such file\n`,
    );
  });
});
