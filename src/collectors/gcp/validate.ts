/**
 * `wgo validate --provider gcp`: one small read of each API per project (one object at most).
 * A project is reachable when at least one API answers; the APIs that do not (a disabled API, a
 * missing permission) are named with Google's reason, since the scan will miss their objects.
 */
import { ApiCallError, describeError } from '../../core/errors.ts';
import type { CollectorContext, ValidationCheck } from '../../scanner/collector.ts';
import type { GcpApi, GcpRequest } from './api.ts';

/** The cheapest read of each API the scan uses. */
function probes(project: string): GcpRequest[] {
  const common = { project, location: 'global' } as const;
  return [
    {
      ...common,
      service: 'compute',
      api: 'compute.networks.list',
      path: `/compute/v1/projects/${project}/global/networks`,
      query: { maxResults: '1' },
    },
    {
      ...common,
      service: 'storage',
      api: 'storage.buckets.list',
      path: '/storage/v1/b',
      query: { project, maxResults: '1' },
    },
    {
      ...common,
      service: 'container',
      api: 'container.clusters.list',
      path: `/v1/projects/${project}/locations/-/clusters`,
    },
    {
      ...common,
      service: 'iam',
      api: 'iam.serviceAccounts.list',
      path: `/v1/projects/${project}/serviceAccounts`,
      query: { pageSize: '1' },
    },
  ];
}

function reasonOf(error: unknown): string {
  return error instanceof ApiCallError ? `${error.code} (${error.message})` : describeError(error);
}

/** Checks that `project` answers, and says which APIs do not. */
export async function validateProject(
  ctx: CollectorContext,
  api: GcpApi,
  project: string,
): Promise<ValidationCheck> {
  const results = await Promise.all(
    probes(project).map((probe) =>
      ctx.tasks.run(() =>
        api.get(probe).then(
          () => ({ service: probe.service, failure: undefined }),
          (error: unknown) => ({ service: probe.service, failure: reasonOf(error) }),
        ),
      ),
    ),
  );
  const answered = results.filter((result) => !result.failure).map((result) => result.service);
  const failed = results
    .filter((result) => result.failure)
    .map((result) => `${result.service}: ${result.failure}`);
  const message = [
    answered.length > 0 ? `reachable (${answered.join(', ')})` : 'unreachable',
    ...failed,
  ].join('; ');
  return { scope: project, ok: answered.length > 0, message };
}
