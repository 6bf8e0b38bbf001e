/**
 * The AWS collector against moto_server, an AWS emulator nobody here wrote: resources created
 * with the `aws` CLI are all found with the right types, regions and tags. Skips, saying why,
 * where moto_server or the aws CLI is missing.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { Resource } from '../../src/core/resource.ts';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { runCli } from '../helpers/cli.ts';
import { hasTool } from '../sim/helpers.ts';

const exec = promisify(execFile);
const MISSING = !hasTool('moto_server')
  ? 'moto_server not installed'
  : !hasTool('aws')
    ? 'aws CLI not installed'
    : undefined;
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls until the emulator answers; it has no readiness signal of its own. */
async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('moto_server did not start within 30 s');
}

describe('AWS collector against moto_server', { skip: MISSING }, () => {
  let moto: ChildProcess;
  let endpoint: string;
  const created: Record<string, string> = {};

  async function aws(region: string, ...args: string[]): Promise<string> {
    const { stdout } = await exec(
      'aws',
      ['--endpoint-url', endpoint, '--region', region, '--output', 'text', ...args],
      {
        env: {
          ...process.env,
          ...CREDENTIALS,
          AWS_CONFIG_FILE: '/nonexistent',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        },
      },
    );
    return stdout.trim();
  }

  before(async () => {
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    await waitForServer(endpoint, moto);
    const tags = (type: string, name: string) =>
      `ResourceType=${type},Tags=[{Key=Name,Value=${name}},{Key=team,Value=shop}]`;
    created.vpc = await aws(
      'eu-west-1',
      'ec2',
      'create-vpc',
      '--cidr-block',
      '10.9.0.0/16',
      '--tag-specifications',
      tags('vpc', 'wgo-vpc'),
      '--query',
      'Vpc.VpcId',
    );
    created.subnet = await aws(
      'eu-west-1',
      'ec2',
      'create-subnet',
      '--vpc-id',
      created.vpc,
      '--cidr-block',
      '10.9.1.0/24',
      '--tag-specifications',
      tags('subnet', 'wgo-subnet'),
      '--query',
      'Subnet.SubnetId',
    );
    created.group = await aws(
      'eu-west-1',
      'ec2',
      'create-security-group',
      '--group-name',
      'wgo-web',
      '--description',
      'web',
      '--vpc-id',
      created.vpc,
      '--query',
      'GroupId',
    );
    created.instance = await aws(
      'eu-west-1',
      'ec2',
      'run-instances',
      '--image-id',
      'ami-12345678',
      '--instance-type',
      't3.micro',
      '--subnet-id',
      created.subnet,
      '--tag-specifications',
      tags('instance', 'wgo-web'),
      '--query',
      'Instances[0].InstanceId',
    );
    created.volume = await aws(
      'us-east-1',
      'ec2',
      'create-volume',
      '--availability-zone',
      'us-east-1a',
      '--size',
      '10',
      '--tag-specifications',
      tags('volume', 'wgo-data'),
      '--query',
      'VolumeId',
    );
    created.key = 'wgo-ops';
    await aws('us-east-1', 'ec2', 'create-key-pair', '--key-name', created.key, '--query', 'KeyName');
    created.bucket = 'wgo-moto-assets';
    await aws(
      'eu-west-1',
      's3api',
      'create-bucket',
      '--bucket',
      created.bucket,
      '--create-bucket-configuration',
      'LocationConstraint=eu-west-1',
    );
    await aws(
      'eu-west-1',
      's3api',
      'put-bucket-tagging',
      '--bucket',
      created.bucket,
      '--tagging',
      'TagSet=[{Key=team,Value=data}]',
    );
    created.user = await aws(
      'us-east-1',
      'iam',
      'create-user',
      '--user-name',
      'wgo-alice',
      '--query',
      'User.Arn',
    );
  });
  after(() => moto?.kill());

  test('wgo scan --provider aws - finds what the aws CLI created, with types, regions and tags', async () => {
    const result = await runCli(
      ['scan', '--provider', 'aws', '--region', 'us-east-1', '--region', 'eu-west-1', '-o', 'json'],
      {
        env: {
          ...CREDENTIALS,
          AWS_ENDPOINT_URL: endpoint,
          AWS_CONFIG_FILE: '/nonexistent',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        },
      },
    );
    assert.equal(result.code, 0, result.stderr);
    const snapshot = JSON.parse(result.stdout) as Snapshot;
    const byId = new Map<string, Resource>(snapshot.resources.map((r) => [r.id, r]));
    const expect = (
      id: string | undefined,
      type: string,
      region: string | undefined,
      tags?: Record<string, string>,
    ) => {
      const resource = byId.get(id ?? '');
      assert.ok(resource, `${type} ${id} found`);
      assert.equal(resource.type, type);
      assert.equal(resource.region, region, `${type} region`);
      if (tags)
        for (const [key, value] of Object.entries(tags))
          assert.equal(resource.tags[key], value, `${type} tag ${key}`);
    };
    expect(created.vpc, 'aws_vpc', 'eu-west-1', { Name: 'wgo-vpc', team: 'shop' });
    expect(created.subnet, 'aws_subnet', 'eu-west-1', { Name: 'wgo-subnet' });
    expect(created.group, 'aws_security_group', 'eu-west-1');
    expect(created.instance, 'aws_instance', 'eu-west-1', { Name: 'wgo-web', team: 'shop' });
    expect(created.volume, 'aws_ebs_volume', 'us-east-1', { Name: 'wgo-data' });
    expect(created.key, 'aws_key_pair', 'us-east-1');
    expect(created.bucket, 'aws_s3_bucket', 'eu-west-1', { team: 'data' });
    expect('wgo-alice', 'aws_iam_user', undefined);
    const instance = byId.get(created.instance ?? '');
    assert.equal(instance?.uid, `arn:aws:ec2:eu-west-1:${instance?.account}:instance/${created.instance}`);
    assert.equal(instance?.name, 'wgo-web');
    assert.equal(byId.get('wgo-alice')?.uid, created.user);
  });
});
