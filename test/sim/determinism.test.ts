/**
 * Same seed, size and layout give the same truth and byte-identical response bodies (request ids
 * aside) from two separate simulator instances; another seed gives another inventory.
 */
import assert from 'node:assert/strict';
import { get } from 'node:https';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { DescribeInstancesCommand, DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetBucketTaggingCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { KubeConfig } from '@kubernetes/client-node';
import { GoogleAuth } from 'google-auth-library';
import { type Simulator, startSimulator } from '../../sim/index.ts';

let one: Simulator;
let two: Simulator;
let other: Simulator;

before(async () => {
  [one, two, other] = await Promise.all([
    startSimulator({ resources: 2000, seed: 9 }),
    startSimulator({ resources: 2000, seed: 9 }),
    startSimulator({ resources: 2000, seed: 10 }),
  ]);
});
after(() => Promise.all([one, two, other].map((s) => s.close())));

/** Request ids (S3's HostId is one too) are the one part of a body allowed to differ. */
function withoutRequestIds(body: string): string {
  return body.replace(/<(requestId|RequestId|HostId)>[^<]*<\/\1>/g, '<$1/>');
}

/** The raw bodies of a series of AWS SDK calls, captured below the SDK's deserialiser. */
async function awsBodies(sim: Simulator): Promise<string[]> {
  const bodies: string[] = [];
  const capture = <C extends { middlewareStack: { add: (...args: never[]) => void } }>(client: C): C => {
    const add = client.middlewareStack.add as unknown as (m: unknown, o: unknown) => void;
    add.call(
      client.middlewareStack,
      (next: (a: unknown) => Promise<{ response: { body: AsyncIterable<Buffer> | Readable } }>) =>
        async (args: unknown) => {
          const out = await next(args);
          const chunks: Buffer[] = [];
          for await (const chunk of out.response.body as AsyncIterable<Buffer>)
            chunks.push(Buffer.from(chunk));
          const buffer = Buffer.concat(chunks);
          bodies.push(withoutRequestIds(buffer.toString()));
          out.response.body = Readable.from([buffer]);
          return out;
        },
      { step: 'deserialize', priority: 'low' },
    );
    return client;
  };
  process.env.AWS_CONFIG_FILE = sim.awsConfigFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = sim.awsCredentialsFile;
  const profile = sim.awsProfiles[1] as string;
  const region = sim.awsRegions[2] as string;
  const ec2 = capture(new EC2Client({ profile, region }));
  const first = await ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }));
  await ec2.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: first.NextToken }));
  await ec2.send(new DescribeVolumesCommand({ MaxResults: 500 }));
  await capture(new IAMClient({ profile })).send(new ListRolesCommand({ MaxItems: 10 }));
  await capture(new RDSClient({ profile, region })).send(new DescribeDBInstancesCommand({}));
  await capture(new LambdaClient({ profile, region })).send(new ListFunctionsCommand({ MaxItems: 5 }));
  const s3 = capture(new S3Client({ profile }));
  const buckets = await s3.send(new ListBucketsCommand({}));
  for (const bucket of buckets.Buckets?.slice(0, 3) ?? []) {
    const regional = capture(new S3Client({ profile, region: bucket.BucketRegion as string }));
    await regional.send(new GetBucketTaggingCommand({ Bucket: bucket.Name })).catch(() => undefined);
  }
  return bodies;
}

async function gcpBodies(sim: Simulator): Promise<string[]> {
  const client = await new GoogleAuth({ keyFile: sim.gcpCredentials }).getClient();
  const project = sim.gcpProjects[0] as string;
  const paths = [
    `/compute/v1/projects/${project}/aggregated/instances?maxResults=20`,
    `/compute/v1/projects/${project}/aggregated/subnetworks`,
    `/compute/v1/projects/${project}/zones/europe-west1-b/disks?maxResults=30`,
    `/compute/v1/projects/${project}/global/firewalls`,
    `/storage/v1/b?project=${project}`,
    `/v1/projects/${project}/locations/-/clusters`,
    `/v1/projects/${project}/serviceAccounts?pageSize=50`,
  ];
  const bodies: string[] = [];
  for (const path of paths) {
    const url = `${sim.gcp}${path}`;
    bodies.push(await (await fetch(url, { headers: await client.getRequestHeaders(url) })).text());
  }
  return bodies;
}

async function kubeBodies(sim: Simulator): Promise<string[]> {
  const kc = new KubeConfig();
  kc.loadFromFile(sim.kubeconfig);
  const ca = Buffer.from(kc.getCurrentCluster()?.caData ?? '', 'base64');
  const token = kc.getCurrentUser()?.token;
  const fetchText = (path: string) =>
    new Promise<string>((resolve, reject) => {
      get(`${sim.kubernetes}${path}`, { ca, headers: { authorization: `Bearer ${token}` } }, (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve(text));
      }).on('error', reject);
    });
  const first = await fetchText('/api/v1/pods?limit=40');
  const token2 = (JSON.parse(first) as { metadata: { continue: string } }).metadata.continue;
  return [
    first,
    await fetchText(`/api/v1/pods?limit=40&continue=${encodeURIComponent(token2)}`),
    await fetchText('/apis/apps/v1/namespaces/checkout/replicasets'),
    await fetchText('/api/v1/nodes'),
    await fetchText('/api/v1/secrets?limit=10'),
    await fetchText('/apis'),
  ];
}

describe('determinism', () => {
  test('the same seed and size give the same truth; another seed another truth', async () => {
    const [a, b, c] = await Promise.all([one, two, other].map(async (s) => (await fetch(s.truth)).text()));
    assert.ok((a as string).length > 100_000);
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  test('AWS bodies are byte-identical across instances', async () => {
    const a = await awsBodies(one);
    const b = await awsBodies(two);
    assert.equal(a.length, 10);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, await awsBodies(other));
  });

  test('GCP and Kubernetes bodies are byte-identical across instances', async () => {
    assert.deepEqual(await gcpBodies(one), await gcpBodies(two));
    assert.deepEqual(await kubeBodies(one), await kubeBodies(two));
    assert.notDeepEqual(await kubeBodies(one), await kubeBodies(other));
  });
});
