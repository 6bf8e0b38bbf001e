import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Denials } from '../../../../src/collectors/kubernetes/denials.ts';
import { ApiCallError } from '../../../../src/core/errors.ts';

const forbidden = (api: string) =>
  new ApiCallError(
    { kind: 'denied', code: 'Forbidden', message: 'forbidden', attempts: 1, status: 403 },
    { provider: 'kubernetes', scope: 'ctx/x', api },
  );

test('Denials - one error per (context, kind), namespaces sorted and counted', () => {
  const denials = new Denials();
  for (let i = 11; i >= 0; i--) {
    denials.add(
      { context: 'prod', resource: 'pods', namespace: `ns-${String(i).padStart(2, '0')}`, of: 40 },
      forbidden('core/v1/pods:list'),
    );
  }
  denials.add(
    { context: 'stage', resource: 'pods', namespace: 'shop', of: 2 },
    forbidden('core/v1/pods:list'),
  );
  const errors = denials.errors('kubernetes').map((e) => e.toRecord());
  assert.deepEqual(errors, [
    {
      scope: 'prod',
      api: 'core/v1/pods:list',
      code: 'Forbidden',
      message:
        'pods is forbidden in 12 of 40 namespaces: ns-00, ns-01, ns-02, ns-03, ns-04, ns-05, ns-06, ns-07, ns-08, ns-09, ...',
    },
    {
      scope: 'stage',
      api: 'core/v1/pods:list',
      code: 'Forbidden',
      message: 'pods is forbidden in 1 of 2 namespaces: shop',
    },
  ]);
});
