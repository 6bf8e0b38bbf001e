/**
 * Realism knobs observed through the official clients: each provider's real throttling error,
 * injected 5xx, connection resets, hung requests, denied APIs, latency, and the stats counters.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DescribeInstancesCommand, DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetBucketPolicyCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { type AuthClient, GoogleAuth } from 'google-auth-library';
import type { StatsReport } from '../../sim/http/stats.ts';
import { type Simulator, startSimulator } from '../../sim/index.ts';

let sim: Simulator;
let google: AuthClient;
const profileOptions = () => ({ profile: sim.awsProfiles[0] as string, maxAttempts: 1 });

before(async () => {
  const once = { ratePerSecond: 0.0001, burst: 1 };
  sim = await startSimulator({
    resources: 1500,
    seed: 41,
    profile: {
      rateLimits: [
        { match: { provider: 'aws', service: 'ec2', api: 'DescribeInstances' }, ...once },
        { match: { provider: 'aws', service: 'iam' }, ...once },
        { match: { provider: 'aws', service: 's3', api: 'ListBuckets' }, ...once },
        { match: { provider: 'aws', service: 'lambda' }, ...once },
        { match: { provider: 'gcp', service: 'compute', api: 'networks.list' }, ...once },
        { match: { provider: 'kubernetes', api: 'pods.list' }, ...once },
      ],
      faults: [
        { match: { provider: 'aws', service: 'rds' }, errorRate: 1 },
        { match: { provider: 'kubernetes', api: 'configmaps.list' }, errorRate: 1 },
        { match: { provider: 'aws', service: 'sts' }, resetRate: 1 },
        { match: { provider: 'gcp', service: 'storage' }, hangRate: 1 },
      ],
      deny: [
        { match: { provider: 'aws', service: 'ec2', api: 'DescribeVolumes' } },
        { match: { provider: 'aws', service: 's3', api: 'GetBucketPolicy' } },
        { match: { provider: 'gcp', service: 'container' }, reason: 'notEnabled' },
        { match: { provider: 'gcp', service: 'iam' } },
        { match: { provider: 'kubernetes', api: 'secrets.list' } },
      ],
      latencyByProvider: { kubernetes: { fixedMs: 40 } },
    },
  });
  process.env.AWS_CONFIG_FILE = sim.awsConfigFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = sim.awsCredentialsFile;
  const auth = new GoogleAuth({
    keyFile: sim.gcpCredentials,
    scopes: ['https://www.googleapis.com/auth/cloud-platform'],
  });
  auth.useJWTAccessWithScope = true;
  google = await auth.getClient();
});
after(() => sim.close());

type SdkError = Error & {
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string> };
};
const is = (name: string, status: number) => (error: SdkError) =>
  error.name === name && error.$metadata?.httpStatusCode === status;

function kube(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(sim.kubeconfig);
  return kc;
}

async function googleStatus(
  path: string,
  signal?: AbortSignal,
): Promise<{ status: number; reason?: string }> {
  const url = `${sim.gcp}${path}`;
  const response = await fetch(url, {
    headers: await google.getRequestHeaders(url),
    ...(signal ? { signal } : {}),
  });
  const body = (await response.json()) as { error?: { errors?: { reason: string }[] } };
  return {
    status: response.status,
    ...(body.error ? { reason: body.error.errors?.[0]?.reason as string } : {}),
  };
}

describe("rate limits answer with each provider's real throttling error", () => {
  test('EC2 RequestLimitExceeded (503) once the bucket is empty, with retries disabled', async () => {
    const ec2 = new EC2Client(profileOptions());
    await ec2.send(new DescribeInstancesCommand({}));
    await assert.rejects(ec2.send(new DescribeInstancesCommand({})), is('RequestLimitExceeded', 503));
  });

  test('IAM Throttling (400), S3 SlowDown (503), Lambda TooManyRequestsException (429)', async () => {
    const iam = new IAMClient(profileOptions());
    await iam.send(new ListRolesCommand({}));
    await assert.rejects(iam.send(new ListRolesCommand({})), is('Throttling', 400));
    const s3 = new S3Client(profileOptions());
    await s3.send(new ListBucketsCommand({}));
    await assert.rejects(s3.send(new ListBucketsCommand({})), is('SlowDown', 503));
    const lambda = new LambdaClient(profileOptions());
    await lambda.send(new ListFunctionsCommand({}));
    await assert.rejects(lambda.send(new ListFunctionsCommand({})), is('TooManyRequestsException', 429));
  });

  test('buckets are per (account, service, region): another region still has its token', async () => {
    const ec2 = new EC2Client({ ...profileOptions(), region: sim.awsRegions[1] as string });
    await ec2.send(new DescribeInstancesCommand({}));
  });

  test('GCP 429 rateLimitExceeded', async () => {
    const path = `/compute/v1/projects/${sim.gcpProjects[0]}/global/networks`;
    assert.equal((await googleStatus(path)).status, 200);
    assert.deepEqual(await googleStatus(path), { status: 429, reason: 'rateLimitExceeded' });
  });

  test('Kubernetes 429 TooManyRequests with Retry-After', async () => {
    const core = kube().makeApiClient(CoreV1Api);
    await core.listPodForAllNamespaces({ limit: 1 });
    await assert.rejects(
      core.listPodForAllNamespaces({ limit: 1 }),
      (error: { code?: number; body?: string; headers?: Record<string, string> }) => {
        assert.equal(error.code, 429);
        assert.equal(JSON.parse(String(error.body)).reason, 'TooManyRequests');
        assert.equal(error.headers?.['retry-after'], '1');
        return true;
      },
    );
  });
});

describe('faults', () => {
  test('a 5xx share: RDS ServiceUnavailable, Kubernetes 500 InternalError', async () => {
    await assert.rejects(
      new RDSClient(profileOptions()).send(new DescribeDBInstancesCommand({})),
      is('ServiceUnavailable', 503),
    );
    await assert.rejects(
      kube().makeApiClient(CoreV1Api).listConfigMapForAllNamespaces(),
      (error: { code?: number }) => error.code === 500,
    );
  });

  test('a reset connection reaches the SDK as a network error', async () => {
    await assert.rejects(
      new STSClient(profileOptions()).send(new GetCallerIdentityCommand({})),
      (error: NodeJS.ErrnoException) =>
        ['ECONNRESET', 'EPIPE'].includes(error.code as string) || /socket hang up/.test(error.message),
    );
  });

  test("a hung request is never answered: only the client's timeout ends it", async () => {
    await assert.rejects(
      googleStatus(`/storage/v1/b?project=${sim.gcpProjects[0]}`, AbortSignal.timeout(300)),
      { name: 'TimeoutError' },
    );
  });
});

describe('denied APIs', () => {
  test('AWS: EC2 UnauthorizedOperation, S3 AccessDenied', async () => {
    await assert.rejects(
      new EC2Client(profileOptions()).send(new DescribeVolumesCommand({})),
      is('UnauthorizedOperation', 403),
    );
    await assert.rejects(
      new S3Client(profileOptions()).send(
        new GetBucketPolicyCommand({ Bucket: `x-${sim.awsProfiles[0]?.slice(4)}` }),
      ),
      is('AccessDenied', 403),
    );
  });

  test('GCP: accessNotConfigured for a disabled API, forbidden for a missing permission', async () => {
    const project = sim.gcpProjects[0] as string;
    assert.deepEqual(await googleStatus(`/v1/projects/${project}/locations/-/clusters`), {
      status: 403,
      reason: 'accessNotConfigured',
    });
    assert.deepEqual(await googleStatus(`/v1/projects/${project}/serviceAccounts`), {
      status: 403,
      reason: 'forbidden',
    });
  });

  test('Kubernetes: 403 Forbidden Status naming the resource', async () => {
    await assert.rejects(
      kube().makeApiClient(CoreV1Api).listSecretForAllNamespaces(),
      (error: { code?: number; body?: string }) => {
        assert.equal(error.code, 403);
        assert.match(JSON.parse(String(error.body)).message, /cannot list resource "secrets"/);
        return true;
      },
    );
  });
});

describe('latency and stats', () => {
  test('a fixed latency delays every answer by at least that much', async () => {
    const apps = kube().makeApiClient(AppsV1Api);
    const started = performance.now();
    await apps.listDeploymentForAllNamespaces({ limit: 1 });
    assert.ok(performance.now() - started >= 39);
  });

  test('stats count served, throttled and failed requests by provider and API', async () => {
    const report = (await (await fetch(sim.stats)).json()) as StatsReport;
    const ec2 = report.providers.aws?.apis['ec2:DescribeInstances'];
    assert.ok(ec2 && ec2.served >= 1 && ec2.throttled >= 1);
    assert.ok((report.providers.gcp?.apis['compute:networks.list']?.throttled ?? 0) >= 1);
    assert.ok((report.providers.kubernetes?.apis['core:secrets.list']?.failed ?? 0) >= 1);
    assert.equal(report.total.requests, report.total.served + report.total.throttled + report.total.failed);
  });
});
