/**
 * The AWS CLI, a client nobody here wrote, reads the inventory through the profile files the
 * simulator wrote (and through --endpoint-url), and agrees with the truth.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { type Simulator, startSimulator } from '../../sim/index.ts';
import { hasTool, readTruth, sorted, uidsOf } from './helpers.ts';

const run = promisify(execFile);
const haveAws = hasTool('aws');
let sim: Simulator;

before(async () => {
  sim = await startSimulator({ resources: 2500, seed: 5 });
});
after(() => sim.close());

async function aws(args: string[]): Promise<Record<string, unknown>> {
  const env = {
    ...process.env,
    AWS_CONFIG_FILE: sim.awsConfigFile,
    AWS_SHARED_CREDENTIALS_FILE: sim.awsCredentialsFile,
    AWS_PAGER: '',
  };
  const { stdout } = await run('aws', [...args, '--output', 'json'], { env, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('the AWS CLI', () => {
  test("ec2 describe-instances in every region of every profile lists the truth's instances", async (t) => {
    if (!haveAws) return t.skip('aws CLI not installed');
    const seen: string[] = [];
    for (const profile of sim.awsProfiles) {
      for (const region of sim.awsRegions) {
        const out = (await aws([
          '--profile',
          profile,
          '--region',
          region,
          'ec2',
          'describe-instances',
          '--page-size',
          '50',
        ])) as {
          Reservations: { OwnerId: string; Instances: { InstanceId: string }[] }[];
        };
        for (const r of out.Reservations)
          for (const i of r.Instances)
            seen.push(`arn:aws:ec2:${region}:${r.OwnerId}:instance/${i.InstanceId}`);
      }
    }
    const truth = uidsOf(await readTruth(sim.truth, { provider: 'aws' }), ['aws_instance']);
    assert.ok(truth.length > 50);
    assert.deepEqual(sorted(seen), truth);
  });

  test('s3api list-buckets and iam list-users agree with the truth', async (t) => {
    if (!haveAws) return t.skip('aws CLI not installed');
    for (const profile of sim.awsProfiles) {
      const account = profile.replace('sim-', '');
      const truth = await readTruth(sim.truth, { provider: 'aws', account });
      const buckets = (await aws(['--profile', profile, 's3api', 'list-buckets'])) as {
        Buckets: { Name: string }[];
      };
      assert.deepEqual(
        sorted(buckets.Buckets.map((b) => `arn:aws:s3:::${b.Name}`)),
        uidsOf(truth, ['aws_s3_bucket']),
      );
      const users = (await aws(['--profile', profile, 'iam', 'list-users', '--page-size', '3'])) as {
        Users: { Arn: string }[];
      };
      assert.deepEqual(sorted(users.Users.map((u) => u.Arn)), uidsOf(truth, ['aws_iam_user']));
    }
  });

  test("--endpoint-url works the same as the profile's endpoint_url", async (t) => {
    if (!haveAws) return t.skip('aws CLI not installed');
    const profile = sim.awsProfiles[1] as string;
    const out = (await aws([
      '--profile',
      profile,
      '--endpoint-url',
      sim.aws,
      'rds',
      'describe-db-instances',
    ])) as { DBInstances: { DBInstanceArn: string }[] };
    const region = sim.awsRegions[0] as string;
    const truth = uidsOf(
      await readTruth(sim.truth, { provider: 'aws', account: profile.replace('sim-', '') }),
      ['aws_db_instance'],
    ).filter((u) => u.includes(`:${region}:`));
    assert.deepEqual(sorted(out.DBInstances.map((d) => d.DBInstanceArn)), truth);
  });
});
