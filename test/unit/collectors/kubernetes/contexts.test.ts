import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { selectContexts } from '../../../../src/collectors/kubernetes/contexts.ts';
import type { LoadedKubeconfig } from '../../../../src/collectors/kubernetes/kubeconfig.ts';
import { ConfigError } from '../../../../src/core/errors.ts';

function loaded(
  contexts: { name: string; cluster: string; user: string; namespace?: string }[],
  currentContext?: string,
): LoadedKubeconfig {
  const clusters = [
    { name: 'prod', server: 'https://prod.example', skipTLSVerify: false },
    { name: 'stage', server: 'https://stage.example', skipTLSVerify: false },
  ];
  const users = [{ name: 'alice' }, { name: 'bob' }];
  return {
    origin: 'kubeconfig /k.yaml',
    clusters,
    users,
    contexts,
    currentContext,
    kubeConfigFor(context) {
      const kc = new KubeConfig();
      kc.loadFromOptions({ clusters, users, contexts, currentContext: context });
      return kc;
    },
  };
}

const CONTEXTS = [
  { name: 'ctx-prod', cluster: 'prod', user: 'alice' },
  { name: 'ctx-prod-shop', cluster: 'prod', user: 'alice', namespace: 'shop' },
  { name: 'ctx-prod-bob', cluster: 'prod', user: 'bob' },
  { name: 'ctx-stage', cluster: 'stage', user: 'alice' },
  { name: 'ctx-gone', cluster: 'gone', user: 'alice' },
  { name: 'ctx-nobody', cluster: 'stage', user: 'nobody' },
];

describe('selectContexts()', () => {
  test('no --context: the current context, its cluster by name (not the context name)', () => {
    const { targets } = selectContexts(loaded(CONTEXTS, 'ctx-stage'), []);
    assert.deepEqual(
      targets.map((t) => [t.context, t.cluster.name, t.kubeConfig.getCurrentContext()]),
      [['ctx-stage', 'stage', 'ctx-stage']],
    );
  });

  test('named contexts; the same cluster and user twice is one scan; a missing cluster or user is that context’s problem', () => {
    const selection = selectContexts(loaded(CONTEXTS, 'ctx-stage'), [
      'ctx-prod',
      'ctx-prod-shop',
      'ctx-prod-bob',
      'ctx-gone',
      'ctx-nobody',
    ]);
    assert.deepEqual(
      selection.targets.map((t) => t.context),
      ['ctx-prod', 'ctx-prod-bob'],
    );
    assert.deepEqual(selection.duplicates, [{ context: 'ctx-prod-shop', sameAs: 'ctx-prod' }]);
    assert.deepEqual(selection.problems, [
      { context: 'ctx-gone', message: 'the kubeconfig defines no cluster "gone"' },
      { context: 'ctx-nobody', message: 'the kubeconfig defines no user "nobody"' },
    ]);
  });

  test('an unknown --context, or no current context, is a configuration error naming the contexts', () => {
    assert.throws(
      () => selectContexts(loaded(CONTEXTS, 'ctx-stage'), ['ctx-prod', 'ctx-typo']),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.message ===
          'kubeconfig /k.yaml: no context "ctx-typo" (contexts: ctx-prod, ctx-prod-shop, ctx-prod-bob, ctx-stage, ctx-gone, ctx-nobody)',
    );
    assert.throws(
      () => selectContexts(loaded(CONTEXTS), []),
      (error: unknown) =>
        error instanceof ConfigError && /no current-context; name one with --context/.test(error.message),
    );
    assert.throws(
      () => selectContexts(loaded([]), []),
      (error: unknown) =>
        error instanceof ConfigError && error.message === 'kubeconfig /k.yaml: defines no context',
    );
  });
});
