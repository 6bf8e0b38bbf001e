/**
 * The AWS collector against the simulator: the real CLI and SDK v3 over HTTP, checked against
 * the simulator's truth, with throttling, faults, denied APIs and bad credentials.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { type Simulator, startSimulator } from '../../sim/index.ts';
import type { Profile } from '../../sim/profile.ts';
import { AwsCollector } from '../../src/collectors/aws/index.ts';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { hasStackTrace, runCli } from '../helpers/cli.ts';
import { assertValidSnapshot } from '../helpers/schema.ts';
import { readTruth, sorted } from '../sim/helpers.ts';

const RESOURCES = 10_000;

function awsEnv(sim: Simulator, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    AWS_CONFIG_FILE: sim.awsConfigFile,
    AWS_SHARED_CREDENTIALS_FILE: sim.awsCredentialsFile,
    ...extra,
  };
}

function profileArgs(sim: Simulator): string[] {
  return sim.awsProfiles.flatMap((profile) => ['--profile', profile]);
}

async function scanAws(sim: Simulator, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const result = await runCli(
    ['scan', '--provider', 'aws', ...profileArgs(sim), '--all-regions', '-o', 'json', ...extra],
    {
      env: awsEnv(sim, env),
    },
  );
  const snapshot = result.stdout ? (JSON.parse(result.stdout) as Snapshot) : undefined;
  return { ...result, snapshot };
}

function keyed(snapshot: Snapshot | undefined): string[] {
  return sorted((snapshot?.resources ?? []).map((r) => `${r.uid} ${r.type} ${r.account}`));
}

async function truthKeys(
  sim: Simulator,
  keep: (line: { uid: string; type: string }) => boolean = () => true,
) {
  const lines = await readTruth(sim.truth, { provider: 'aws' });
  return sorted(lines.filter(keep).map((line) => `${line.uid} ${line.type} ${line.account}`));
}

describe('AWS collector against the simulator', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ resources: RESOURCES, seed: 21 });
  });
  after(() => sim.close());

  test('wgo scan --provider aws - finds exactly the truth across 2 accounts and 3 regions', async () => {
    const { code, stderr, snapshot } = await scanAws(sim);
    assert.equal(code, 0, stderr);
    assertValidSnapshot(snapshot);
    assert.deepEqual(keyed(snapshot), await truthKeys(sim));
    const aws = snapshot?.providers.aws;
    assert.equal(aws?.status, 'ok');
    assert.ok((aws?.apiCalls ?? 0) > 100);
    const regions = new Set(
      snapshot?.resources.filter((r) => r.type === 'aws_instance').map((r) => r.region),
    );
    assert.deepEqual(sorted(regions as Set<string>), sorted(sim.awsRegions));
    assert.ok(
      snapshot?.resources.filter((r) => r.type === 'aws_iam_role').every((r) => r.region === undefined),
    );
    const reuse = /([\d,]+) HTTP requests over ([\d,]+) connections/.exec(stderr);
    assert.equal(Number(reuse?.[1]?.replaceAll(',', '')), aws?.apiCalls, 'the pool saw every call');
    const inFlight = new AwsCollector().defaultApiConcurrency;
    assert.ok(Number(reuse?.[2]) <= inFlight, `at most one connection per call in flight (${inFlight})`);
  });

  test('wgo scan --provider aws - Lambda environment values never reach the snapshot', async () => {
    process.env.AWS_CONFIG_FILE = sim.awsConfigFile;
    process.env.AWS_SHARED_CREDENTIALS_FILE = sim.awsCredentialsFile;
    const [profile] = sim.awsProfiles;
    const [region] = sim.awsRegions;
    const raw = await new LambdaClient({ profile, region }).send(new ListFunctionsCommand({}));
    // Short values such as LOG_LEVEL=debug also occur as ordinary words in the output.
    const values = (raw.Functions ?? [])
      .flatMap((f) => Object.values(f.Environment?.Variables ?? {}))
      .filter((value) => value.length >= 12);
    assert.ok(values.length > 0, 'the simulator gives functions distinctive environment values');
    const { stdout, stderr, snapshot } = await scanAws(sim, ['--types', 'aws_lambda_function'], {
      WGO_DEBUG: 'true',
    });
    for (const value of values)
      assert.ok(!`${stdout}${stderr}`.includes(value), `an environment value leaked: ${value}`);
    const lambda = snapshot?.resources[0]?.configuration as {
      Environment?: { Variables?: Record<string, string> };
    };
    assert.ok(Object.values(lambda.Environment?.Variables ?? {}).every((value) => value === '(redacted)'));
    assert.ok(Object.keys(lambda.Environment?.Variables ?? {}).length > 0, 'names are kept');
  });

  test('wgo scan --types - a filtered-out type costs no API call', async () => {
    const { snapshot } = await scanAws(sim, ['--types', 'aws_vpc']);
    const types = new Set(snapshot?.resources.map((r) => r.type));
    assert.deepEqual([...types], ['aws_vpc']);
    const calls = snapshot?.providers.aws?.apiCalls ?? 0;
    const expected = sim.awsProfiles.length * (1 + 1 + sim.awsRegions.length);
    assert.equal(calls, expected, 'per account: STS, DescribeRegions and one DescribeVpcs page per region');
  });

  test('wgo scan --provider aws - HTTP_PROXY sends every call through the proxy', async () => {
    const seen: string[] = [];
    const proxy = createServer((request, response) => {
      seen.push(request.url ?? '');
      const upstream = httpRequest(
        request.url ?? '',
        { method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      request.pipe(upstream);
    });
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    try {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const { code, stderr, snapshot } = await scanAws(sim, ['--types', 'aws_vpc,aws_iam_user'], {
        HTTP_PROXY: proxyUrl,
      });
      assert.equal(code, 0, stderr);
      const calls = snapshot?.providers.aws?.apiCalls ?? 0;
      assert.equal(seen.length, calls, 'every API call went through the proxy');
      assert.ok(seen.every((url) => url.startsWith(sim.aws)));
      assert.ok((snapshot?.resources.length ?? 0) > 0);
    } finally {
      proxy.close();
    }
  });

  test('wgo validate --provider aws - prints account and ARN per profile', async () => {
    const result = await runCli(['validate', '--provider', 'aws', ...profileArgs(sim)], { env: awsEnv(sim) });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    for (const profile of sim.awsProfiles) {
      const account = profile.replace('sim-', '');
      assert.match(
        result.stdout,
        new RegExp(`aws: ok {2}profile ${profile} {2}account ${account}, arn:aws:`),
      );
    }
  });
});

describe('AWS collector under throttling and faults', () => {
  let sim: Simulator;
  const profile: Profile = {
    rateLimits: [
      { match: { provider: 'aws', service: 'ec2' }, ratePerSecond: 30, burst: 5 },
      { match: { provider: 'aws', service: 'iam' }, ratePerSecond: 5, burst: 2 },
    ],
    faults: [{ match: { provider: 'aws' }, errorRate: 0.05, resetRate: 0.02 }],
  };
  before(async () => {
    sim = await startSimulator({ resources: RESOURCES, seed: 22, profile });
  });
  after(() => sim.close());

  test('wgo scan --provider aws - throttled and failing calls are retried: nothing lost', async () => {
    const { code, stderr, snapshot } = await scanAws(sim, ['--api-concurrency', '16']);
    assert.equal(code, 0, stderr);
    assert.deepEqual(keyed(snapshot), await truthKeys(sim));
    const aws = snapshot?.providers.aws;
    assert.ok((aws?.throttled ?? 0) > 0, 'the simulator throttled some calls');
    assert.ok((aws?.retries ?? 0) > (aws?.throttled ?? 0), 'faults were retried too');
    const stats = (await (await fetch(sim.stats)).json()) as { total: { throttled: number; failed: number } };
    assert.equal(
      stats.total.throttled,
      aws?.throttled,
      'every throttle the server sent was seen and counted',
    );
  });
});

describe('AWS collector partial failures', () => {
  let sim: Simulator;
  const denied = { provider: 'aws', service: 'ec2', api: 'DescribeVolumes', region: 'eu-west-1' } as const;
  before(async () => {
    sim = await startSimulator({ resources: 4000, seed: 23, profile: { deny: [{ match: denied }] } });
  });
  after(() => sim.close());

  test('wgo scan --provider aws - a denied API is recorded for its region and the rest is kept', async () => {
    const { code, snapshot } = await scanAws(sim);
    assert.equal(code, 1);
    assert.equal(snapshot?.providers.aws?.status, 'partial');
    const errors = snapshot?.providers.aws?.errors ?? [];
    assert.equal(errors.length, sim.awsProfiles.length, 'one error per account');
    for (const error of errors) {
      assert.equal(error.api, 'ec2:DescribeVolumes');
      assert.equal(error.code, 'UnauthorizedOperation');
      assert.match(error.scope, /^\d{12}\/eu-west-1$/);
    }
    const deniedVolume = (line: { uid: string; type: string }) =>
      line.type === 'aws_ebs_volume' && line.uid.startsWith('arn:aws:ec2:eu-west-1:');
    assert.deepEqual(keyed(snapshot), await truthKeys(sim, (line) => !deniedVolume(line)));
  });

  for (const { label, field, code } of [
    { label: 'a wrong secret', field: 'aws_secret_access_key', code: 'SignatureDoesNotMatch' },
    { label: 'an unknown access key', field: 'aws_access_key_id', code: 'InvalidClientTokenId' },
  ]) {
    test(`wgo scan --provider aws - ${label} gives one clear line for its profile, exit 1, no stack trace`, async () => {
      const credentials = await readFile(sim.awsCredentialsFile, 'utf8');
      const [broken] = sim.awsProfiles;
      const tampered = credentials.replace(
        new RegExp(`(\\[${broken}\\][^\\[]*${field}\\s*=\\s*)(\\S+)`),
        (_, head: string, value: string) => `${head}${value.slice(0, -4)}XXXX`,
      );
      assert.notEqual(tampered, credentials);
      const file = `${sim.awsCredentialsFile}.${field}`;
      await writeFile(file, tampered);
      const result = await runCli(
        ['scan', '--provider', 'aws', ...profileArgs(sim), '--all-regions', '-o', 'json'],
        {
          env: awsEnv(sim, { AWS_SHARED_CREDENTIALS_FILE: file }),
        },
      );
      assert.equal(result.code, 1);
      assert.ok(!hasStackTrace(result.stderr));
      const snapshot = JSON.parse(result.stdout) as Snapshot;
      assert.equal(snapshot.providers.aws?.status, 'partial', 'the other account is still scanned');
      const [error] = snapshot.providers.aws?.errors ?? [];
      assert.equal(error?.scope, `profile ${broken}`);
      assert.equal(error?.code, code);
      assert.ok(snapshot.resources.length > 0);
      assert.ok(snapshot.resources.every((r) => r.account !== broken?.replace('sim-', '')));
      assert.match(
        result.stderr,
        new RegExp(`aws {2}profile ${broken} {2}sts:GetCallerIdentity {2}${code}: `),
      );
      assert.equal(
        result.stderr.match(new RegExp(`profile ${broken}`, 'g'))?.length,
        1,
        'one line for the profile',
      );
    });
  }

  test('wgo scan --provider aws - when no account works the provider fails', async () => {
    const result = await runCli(
      ['scan', '--provider', 'aws', '--profile', 'nobody', '--region', 'us-east-1', '-o', 'json'],
      {
        // No instance role either, should the tests run on a cloud machine that has one.
        env: awsEnv(sim, {
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
          AWS_CONFIG_FILE: '/nonexistent',
          AWS_EC2_METADATA_DISABLED: 'true',
        }),
      },
    );
    assert.equal(result.code, 1);
    assert.ok(!hasStackTrace(result.stderr));
    const snapshot = JSON.parse(result.stdout) as Snapshot;
    assert.equal(snapshot.providers.aws?.status, 'failed');
    assert.equal(snapshot.providers.aws?.errors[0]?.scope, 'profile nobody');
  });
});
