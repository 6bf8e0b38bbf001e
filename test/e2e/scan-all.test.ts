import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startSimulator } from '../../sim/index.ts';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { REPO, runCli } from '../helpers/cli.ts';
import { clusterOf } from '../helpers/kubernetes.ts';
import { assertValidSnapshot } from '../helpers/schema.ts';
import { readTruth, sorted } from '../sim/helpers.ts';

test('wgo scan --all - providers without configuration are skipped with one line each, not failed', async () => {
  const result = await runCli(
    ['scan', '--all', '--concurrent', '--path', join(REPO, 'examples/terraform'), '-o', 'json'],
    {
      env: {
        HOME: '/nonexistent-home',
        AWS_CONFIG_FILE: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        KUBECONFIG: '/nonexistent-kubeconfig',
      },
    },
  );
  assert.equal(result.code, 0, result.stderr);
  const snapshot = JSON.parse(result.stdout) as Snapshot;
  assert.equal(snapshot.providers.terraform?.status, 'ok');
  assert.equal(snapshot.resources.length, 22);
  const skipped = Object.entries(snapshot.providers).filter(([, provider]) => provider.status === 'skipped');
  assert.ok(skipped.length >= 2, 'aws and gcp at least');
  for (const [name, provider] of skipped) {
    assert.equal(provider.errors.length, 1, name);
    assert.ok(result.stderr.split('\n').includes(`  ${name}: ${provider.errors[0]?.message}`), name);
  }
});

/** The region an ARN names; `''` for global ones (S3, IAM). */
const arnRegion = (uid: string) => /^arn:aws:[^:]+:([^:]*):/.exec(uid)?.[1] ?? '';

test('wgo scan --all --concurrent - finds every provider from its standard settings alone and equals the truth', async () => {
  const sim = await startSimulator({ resources: 3000, seed: 17 });
  const home = await mkdtemp(join(tmpdir(), 'wgo-all-home-'));
  try {
    const [profile] = sim.awsProfiles as [string];
    const result = await runCli(
      ['scan', '--all', '--concurrent', '--path', 'examples/terraform', '-o', 'json'],
      {
        env: {
          HOME: home,
          AWS_CONFIG_FILE: sim.awsConfigFile,
          AWS_SHARED_CREDENTIALS_FILE: sim.awsCredentialsFile,
          AWS_PROFILE: profile,
          GOOGLE_APPLICATION_CREDENTIALS: sim.gcpCredentials,
          WGO_GCP_ENDPOINT: sim.gcp,
          KUBECONFIG: sim.kubeconfig,
        },
      },
    );
    assert.equal(result.code, 0, result.stderr);
    const snapshot = JSON.parse(result.stdout) as Snapshot;
    assertValidSnapshot(snapshot);
    assert.deepEqual(
      Object.fromEntries(Object.entries(snapshot.providers).map(([name, p]) => [name, p.status])),
      { aws: 'ok', gcp: 'ok', kubernetes: 'ok', terraform: 'ok' },
    );
    // What each ecosystem's own tools would pick: the profile's account and region, the key
    // file's project, the kubeconfig's current context.
    const key = JSON.parse(await readFile(sim.gcpCredentials, 'utf8')) as { project_id: string };
    const region = /region = (\S+)/.exec(await readFile(sim.awsConfigFile, 'utf8'))?.[1];
    const expected = [
      ...(await readTruth(sim.truth, { provider: 'aws', account: profile.replace('sim-', '') })).filter(
        (line) => ['', region].includes(arnRegion(line.uid)),
      ),
      ...(await readTruth(sim.truth, { provider: 'gcp', account: key.project_id })),
      ...(await readTruth(sim.truth, {
        provider: 'kubernetes',
        account: clusterOf(sim, sim.kubeContexts[0] as string),
      })),
    ];
    // Buckets are listed per account but kept only for the regions scanned; the truth has no
    // bucket regions, so they are checked apart.
    const isBucket = (type: string) => type === 'aws_s3_bucket';
    const cloud = snapshot.resources.filter((r) => r.provider !== 'terraform');
    assert.deepEqual(
      sorted(cloud.filter((r) => !isBucket(r.type)).map((r) => r.uid)),
      sorted(expected.filter((line) => !isBucket(line.type)).map((line) => line.uid)),
    );
    const buckets = cloud.filter((r) => isBucket(r.type));
    assert.ok(buckets.length > 0);
    const accountBuckets = new Set(expected.filter((line) => isBucket(line.type)).map((line) => line.uid));
    for (const bucket of buckets) {
      assert.ok(accountBuckets.has(bucket.uid), bucket.uid);
      assert.equal(bucket.region, region, bucket.uid);
    }
  } finally {
    await Promise.all([sim.close(), rm(home, { recursive: true, force: true })]);
  }
});
