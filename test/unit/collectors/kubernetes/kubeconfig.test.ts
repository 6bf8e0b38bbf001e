import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadKubeconfig } from '../../../../src/collectors/kubernetes/kubeconfig.ts';
import { ConfigError, ProviderSkipped } from '../../../../src/core/errors.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wgo-kubeconfig-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** A kubeconfig with one cluster, user and context per name. */
function kubeconfig(names: string[], current?: string, extra = ''): string {
  const lines = [
    'apiVersion: v1',
    'kind: Config',
    ...(current ? [`current-context: ${current}`] : []),
    'clusters:',
  ];
  for (const n of names)
    lines.push(
      `- name: ${n}`,
      '  cluster:',
      `    server: https://${n}.example:6443`,
      `    certificate-authority: certs/${n}.crt`,
    );
  lines.push('users:');
  for (const n of names) lines.push(`- name: user-${n}`, '  user:', `    token: token-of-${n}`);
  lines.push('contexts:');
  for (const n of names)
    lines.push(`- name: ctx-${n}`, '  context:', `    cluster: ${n}`, `    user: user-${n}`);
  return `${lines.join('\n')}\n${extra}`;
}

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
  return path;
}

const configError = (pattern: RegExp) => (error: unknown) =>
  error instanceof ConfigError && pattern.test(error.message) && !error.message.includes('\n');

describe('loadKubeconfig()', () => {
  test('--kubeconfig FILE: its entries, its current context, paths relative to the file', async () => {
    const path = await file('one/config.yaml', kubeconfig(['a', 'b'], 'ctx-b'));
    const loaded = await loadKubeconfig(path, { env: { KUBECONFIG: '/elsewhere' } });
    assert.equal(loaded?.origin, `kubeconfig ${path}`);
    assert.deepEqual(
      loaded?.contexts.map((c) => c.name),
      ['ctx-a', 'ctx-b'],
    );
    assert.equal(loaded?.currentContext, 'ctx-b');
    assert.equal(loaded?.clusters[0]?.caFile, join(dir, 'one/certs/a.crt'));
    const kc = loaded?.kubeConfigFor('ctx-a');
    assert.equal(kc?.getCurrentCluster()?.server, 'https://a.example:6443');
    assert.equal(kc?.getCurrentUser()?.name, 'user-a');
  });

  test('KUBECONFIG: files merged, the first to define a name wins, the first current-context wins; missing files skipped', async () => {
    const first = await file('merge/first.yaml', kubeconfig(['a'], 'ctx-a'));
    const second = await file(
      'merge/second.yaml',
      kubeconfig(['a', 'b'], 'ctx-b').replace('https://a.example:6443', 'https://shadowed.example'),
    );
    const loaded = await loadKubeconfig(undefined, {
      env: { KUBECONFIG: [join(dir, 'merge/missing.yaml'), first, '', second].join(delimiter) },
    });
    assert.equal(loaded?.origin, `KUBECONFIG ${first}${delimiter}${second}`);
    assert.deepEqual(
      loaded?.clusters.map((c) => [c.name, c.server]),
      [
        ['a', 'https://a.example:6443'],
        ['b', 'https://b.example:6443'],
      ],
    );
    assert.equal(loaded?.currentContext, 'ctx-a');
  });

  test('KUBECONFIG naming no file that exists means nothing to scan (skipped, saying why)', async () => {
    await assert.rejects(
      loadKubeconfig(undefined, { env: { KUBECONFIG: join(dir, 'nope.yaml') } }),
      (error: unknown) =>
        error instanceof ProviderSkipped && /^KUBECONFIG names no file that exists/.test(error.message),
    );
  });

  test('~/.kube/config when nothing else is named; none at all is undefined', async () => {
    const home = join(dir, 'home');
    await file('home/.kube/config', kubeconfig(['h'], 'ctx-h'));
    const loaded = await loadKubeconfig(undefined, { env: { HOME: home } });
    assert.equal(loaded?.origin, `kubeconfig ${join(home, '.kube/config')}`);
    assert.equal(await loadKubeconfig(undefined, { env: { HOME: join(dir, 'empty-home') } }), undefined);
  });

  test('malformed YAML: one line naming the file, line and problem, never the text (it may hold a token)', async () => {
    const path = await file(
      'bad.yaml',
      `${kubeconfig(['a'])}  - name: broken\n     token: secret-token-123\n`,
    );
    await assert.rejects(loadKubeconfig(path, { env: {} }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, new RegExp(`^kubeconfig ${path}:\\d+:\\d+: invalid YAML: \\w`));
      assert.ok(!error.message.includes('\n'), error.message);
      assert.ok(!error.message.includes('token'), error.message);
      return true;
    });
  });

  test('an entry client-node cannot use, an unreadable file: one line naming the file', async () => {
    const path = await file('no-server.yaml', 'clusters:\n- name: a\n  cluster: {}\n');
    await assert.rejects(
      loadKubeconfig(path, { env: {} }),
      configError(new RegExp(`^kubeconfig ${path}: clusters\\[0\\]\\.cluster\\.server is missing$`)),
    );
    await assert.rejects(
      loadKubeconfig(join(dir, 'absent.yaml'), { env: {} }),
      configError(/absent\.yaml: cannot read \(ENOENT\)$/),
    );
  });

  test('in a pod: the service account, when no kubeconfig is found', async () => {
    const root = join(dir, 'pod');
    await file('pod/var/run/secrets/kubernetes.io/serviceaccount/token', 'sa-token');
    await file('pod/var/run/secrets/kubernetes.io/serviceaccount/ca.crt', 'ca');
    const env = {
      HOME: join(dir, 'empty-home'),
      KUBERNETES_SERVICE_HOST: '10.0.0.1',
      KUBERNETES_SERVICE_PORT: '443',
    };
    const previous = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
    // client-node's loadFromCluster reads these from the process itself.
    Object.assign(process.env, { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' });
    try {
      const loaded = await loadKubeconfig(undefined, { env, serviceAccountRoot: root });
      assert.equal(loaded?.origin, 'in-cluster service account');
      const kc = loaded?.kubeConfigFor(loaded.currentContext as string);
      assert.equal(kc?.getCurrentCluster()?.server, 'https://10.0.0.1:443');
      assert.equal(
        kc?.getCurrentCluster()?.caFile,
        `${root}/var/run/secrets/kubernetes.io/serviceaccount/ca.crt`,
      );
      assert.equal(
        await loadKubeconfig(undefined, {
          env: { ...env, KUBERNETES_SERVICE_HOST: '' },
          serviceAccountRoot: root,
        }),
        undefined,
        'not in a pod without the service variables',
      );
    } finally {
      for (const [key, value] of [
        ['KUBERNETES_SERVICE_HOST', previous.host],
        ['KUBERNETES_SERVICE_PORT', previous.port],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
