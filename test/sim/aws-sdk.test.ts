/**
 * The official AWS SDK v3 clients, configured only through the simulator's shared config and
 * credentials files (profile, region, endpoint_url), read the whole AWS inventory and agree with
 * the truth.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  EC2Client,
  paginateDescribeInstances,
  paginateDescribeInternetGateways,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { IAMClient, paginateListPolicies, paginateListRoles, paginateListUsers } from '@aws-sdk/client-iam';
import { LambdaClient, paginateListFunctions } from '@aws-sdk/client-lambda';
import { paginateDescribeDBInstances, RDSClient } from '@aws-sdk/client-rds';
import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  paginateListBuckets,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type Simulator, startSimulator } from '../../sim/index.ts';
import { readTruth, sorted, uidsOf } from './helpers.ts';

let sim: Simulator;

before(async () => {
  sim = await startSimulator({ resources: 4000, seed: 11 });
  process.env.AWS_CONFIG_FILE = sim.awsConfigFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = sim.awsCredentialsFile;
});
after(() => sim.close());

/** Collects every item of an SDK paginator. */
async function all<P, T>(pages: AsyncIterable<P>, pick: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

async function ec2Uids(profile: string, account: string): Promise<string[]> {
  const uids: string[] = [];
  for (const region of sim.awsRegions) {
    const client = new EC2Client({ profile, region });
    const arn = (type: string, id: string | undefined) => `arn:aws:ec2:${region}:${account}:${type}/${id}`;
    const reservations = await all(
      paginateDescribeInstances({ client, pageSize: 100 }, {}),
      (p) => p.Reservations,
    );
    uids.push(...reservations.flatMap((r) => (r.Instances ?? []).map((i) => arn('instance', i.InstanceId))));
    uids.push(
      ...(await all(paginateDescribeVolumes({ client, pageSize: 500 }, {}), (p) => p.Volumes)).map((v) =>
        arn('volume', v.VolumeId),
      ),
    );
    const snapshots = await all(
      paginateDescribeSnapshots({ client, pageSize: 1000 }, { OwnerIds: ['self'] }),
      (p) => p.Snapshots,
    );
    uids.push(...snapshots.map((s) => `arn:aws:ec2:${region}::snapshot/${s.SnapshotId}`));
    uids.push(
      ...(
        await all(paginateDescribeSecurityGroups({ client, pageSize: 1000 }, {}), (p) => p.SecurityGroups)
      ).map((g) => arn('security-group', g.GroupId)),
    );
    uids.push(
      ...((await client.send(new DescribeKeyPairsCommand({}))).KeyPairs ?? []).map((k) =>
        arn('key-pair', k.KeyName),
      ),
    );
    uids.push(
      ...(await all(paginateDescribeVpcs({ client, pageSize: 1000 }, {}), (p) => p.Vpcs)).map((v) =>
        arn('vpc', v.VpcId),
      ),
    );
    uids.push(
      ...(await all(paginateDescribeSubnets({ client, pageSize: 1000 }, {}), (p) => p.Subnets)).map((s) =>
        arn('subnet', s.SubnetId),
      ),
    );
    uids.push(
      ...(await all(paginateDescribeRouteTables({ client, pageSize: 100 }, {}), (p) => p.RouteTables)).map(
        (t) => arn('route-table', t.RouteTableId),
      ),
    );
    uids.push(
      ...(
        await all(paginateDescribeInternetGateways({ client, pageSize: 1000 }, {}), (p) => p.InternetGateways)
      ).map((g) => arn('internet-gateway', g.InternetGatewayId)),
    );
    const rds = new RDSClient({ profile, region });
    uids.push(
      ...(
        await all(paginateDescribeDBInstances({ client: rds, pageSize: 20 }, {}), (p) => p.DBInstances)
      ).map((d) => d.DBInstanceArn as string),
    );
    const lambda = new LambdaClient({ profile, region });
    uids.push(
      ...(await all(paginateListFunctions({ client: lambda, pageSize: 50 }, {}), (p) => p.Functions)).map(
        (f) => f.FunctionArn as string,
      ),
    );
  }
  return uids;
}

async function globalUids(profile: string): Promise<string[]> {
  const iam = new IAMClient({ profile });
  const uids = [
    ...(await all(paginateListUsers({ client: iam, pageSize: 7 }, {}), (p) => p.Users)).map(
      (u) => u.Arn as string,
    ),
    ...(await all(paginateListRoles({ client: iam, pageSize: 100 }, {}), (p) => p.Roles)).map(
      (r) => r.Arn as string,
    ),
    ...(
      await all(paginateListPolicies({ client: iam, pageSize: 100 }, { Scope: 'Local' }), (p) => p.Policies)
    ).map((p) => p.Arn as string),
  ];
  const s3 = new S3Client({ profile });
  const buckets = await all(paginateListBuckets({ client: s3, pageSize: 9 }, {}), (p) => p.Buckets);
  return [...uids, ...buckets.map((b) => `arn:aws:s3:::${b.Name}`)];
}

describe('AWS through the SDK v3 and the written profile files', () => {
  test('STS GetCallerIdentity names the account of each profile', async () => {
    for (const [i, profile] of sim.awsProfiles.entries()) {
      const identity = await new STSClient({ profile }).send(new GetCallerIdentityCommand({}));
      assert.equal(identity.Account, String(i + 1).repeat(12));
    }
  });

  test('every AWS resource of every account is listed, exactly as the truth says', async () => {
    for (const profile of sim.awsProfiles) {
      const account = profile.replace('sim-', '');
      const seen = [...(await ec2Uids(profile, account)), ...(await globalUids(profile))];
      assert.equal(new Set(seen).size, seen.length, 'no resource is listed twice');
      const truth = uidsOf(await readTruth(sim.truth, { provider: 'aws', account }));
      assert.ok(truth.length > 500);
      assert.deepEqual(sorted(seen), truth);
    }
  });

  test('ListPolicies Scope=All adds AWS managed policies that are not account resources', async () => {
    const iam = new IAMClient({ profile: sim.awsProfiles[0] as string });
    const all = await (async () => {
      const out: string[] = [];
      for await (const page of paginateListPolicies({ client: iam }, {}))
        out.push(...(page.Policies ?? []).map((p) => p.Arn as string));
      return out;
    })();
    assert.ok(all.some((arn) => arn.startsWith('arn:aws:iam::aws:policy/')));
    assert.ok(all.some((arn) => arn.startsWith('arn:aws:iam::111111111111:policy/')));
  });

  test('S3 bucket details: home region, and the real "no such configuration" errors', async () => {
    const profile = sim.awsProfiles[0] as string;
    const buckets =
      (await all(
        paginateListBuckets({ client: new S3Client({ profile }), pageSize: 1000 }, {}),
        (p) => p.Buckets,
      )) ?? [];
    const codes = new Map<string, number>();
    let withTags = 0;
    for (const bucket of buckets) {
      const location = await new S3Client({ profile }).send(
        new GetBucketLocationCommand({ Bucket: bucket.Name }),
      );
      const region = location.LocationConstraint || 'us-east-1';
      assert.equal(region, bucket.BucketRegion);
      const s3 = new S3Client({ profile, region });
      const calls = [
        () => s3.send(new GetBucketTaggingCommand({ Bucket: bucket.Name })),
        () => s3.send(new GetBucketPolicyCommand({ Bucket: bucket.Name })),
        () => s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket.Name })),
        () => s3.send(new GetBucketEncryptionCommand({ Bucket: bucket.Name })),
      ];
      for (const call of calls) {
        try {
          const result = await call();
          if ('TagSet' in result) withTags++;
        } catch (error) {
          const name = (error as Error).name;
          codes.set(name, (codes.get(name) ?? 0) + 1);
        }
      }
      const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket.Name }));
      assert.ok(versioning.Status === undefined || ['Enabled', 'Suspended'].includes(versioning.Status));
    }
    assert.ok(withTags > 0);
    assert.deepEqual(sorted(codes.keys()), [
      'NoSuchBucketPolicy',
      'NoSuchLifecycleConfiguration',
      'NoSuchTagSet',
      'ServerSideEncryptionConfigurationNotFoundError',
    ]);
  });

  test('a bucket asked about from another region gets a 301 PermanentRedirect that the SDK can follow', async () => {
    const profile = sim.awsProfiles[0] as string;
    const buckets = await all(
      paginateListBuckets({ client: new S3Client({ profile }), pageSize: 1000 }, {}),
      (p) => p.Buckets,
    );
    const away = buckets.find((b) => b.BucketRegion !== 'us-east-1');
    assert.ok(away);
    await assert.rejects(
      new S3Client({ profile, region: 'us-east-1' }).send(new GetBucketPolicyCommand({ Bucket: away.Name })),
      (error: Error & { $metadata?: { httpStatusCode?: number } }) =>
        error.name === 'PermanentRedirect' && error.$metadata?.httpStatusCode === 301,
    );
    const followed = new S3Client({ profile, region: 'us-east-1', followRegionRedirects: true });
    await followed.send(new GetBucketVersioningCommand({ Bucket: away.Name }));
  });

  test('Lambda functions carry environment variables and RDS instances realistic fields', async () => {
    const profile = sim.awsProfiles[0] as string;
    const functions = await all(
      paginateListFunctions({ client: new LambdaClient({ profile }) }, {}),
      (p) => p.Functions,
    );
    assert.ok(functions.length > 0);
    assert.ok(Object.keys(functions[0]?.Environment?.Variables ?? {}).includes('DATABASE_URL'));
    const dbs = await all(
      paginateDescribeDBInstances({ client: new RDSClient({ profile }) }, {}),
      (p) => p.DBInstances,
    );
    assert.ok(dbs.length > 0);
    const db = dbs[0];
    assert.equal(db?.MasterUsername, 'dbadmin');
    assert.ok(db?.Endpoint?.Address?.endsWith('.rds.amazonaws.com'));
    assert.ok(db?.MasterUserSecret?.SecretArn?.startsWith('arn:aws:secretsmanager:'));
    assert.ok(db?.DbiResourceId?.startsWith('db-'));
  });

  test('EC2 rejects an out-of-range MaxResults and a forged NextToken as EC2 does', async () => {
    const client = new EC2Client({ profile: sim.awsProfiles[0] as string });
    await assert.rejects(client.send(new DescribeInstancesCommand({ MaxResults: 2000 })), {
      name: 'InvalidParameterValue',
    });
    await assert.rejects(client.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: 'bm9wZQ' })), {
      name: 'InvalidParameterValue',
    });
  });
});

describe('SigV4 authentication', () => {
  const credentials = (accessKeyId: string, secretAccessKey: string) => ({ accessKeyId, secretAccessKey });

  test('a wrong secret gets SignatureDoesNotMatch, an unknown key InvalidClientTokenId (query protocol)', async () => {
    const config = { region: 'us-east-1', endpoint: sim.aws, maxAttempts: 1 };
    await assert.rejects(
      new STSClient({ ...config, credentials: credentials('AKIASIM1111EXAMPLEXX', 'wrong') }).send(
        new GetCallerIdentityCommand({}),
      ),
      (error: Error & { $metadata?: { httpStatusCode?: number } }) =>
        error.name === 'SignatureDoesNotMatch' && error.$metadata?.httpStatusCode === 403,
    );
    await assert.rejects(
      new STSClient({ ...config, credentials: credentials('AKIAUNKNOWNKEY000000', 'x') }).send(
        new GetCallerIdentityCommand({}),
      ),
      (error: Error & { $metadata?: { httpStatusCode?: number } }) =>
        error.name === 'InvalidClientTokenId' && error.$metadata?.httpStatusCode === 403,
    );
  });

  test('each protocol answers bad credentials in its own words', async () => {
    const config = {
      region: 'us-east-1',
      endpoint: sim.aws,
      maxAttempts: 1,
      credentials: credentials('AKIASIM1111EXAMPLEXX', 'wrong'),
    };
    await assert.rejects(new EC2Client(config).send(new DescribeInstancesCommand({})), {
      name: 'AuthFailure',
    });
    await assert.rejects(
      new S3Client({ ...config, forcePathStyle: true }).send(
        new GetBucketLocationCommand({ Bucket: 'x-111111111111' }),
      ),
      { name: 'SignatureDoesNotMatch' },
    );
    await assert.rejects(
      new LambdaClient(config).send(new (await import('@aws-sdk/client-lambda')).ListFunctionsCommand({})),
      { name: 'InvalidSignatureException' },
    );
    const unknown = { ...config, credentials: credentials('AKIAUNKNOWNKEY000000', 'x') };
    await assert.rejects(
      new IAMClient(unknown).send(new (await import('@aws-sdk/client-iam')).ListUsersCommand({})),
      { name: 'InvalidClientTokenId' },
    );
    await assert.rejects(
      new S3Client({ ...unknown, forcePathStyle: true }).send(
        new GetBucketLocationCommand({ Bucket: 'x-111111111111' }),
      ),
      { name: 'InvalidAccessKeyId' },
    );
  });
});
