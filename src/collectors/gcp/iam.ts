/**
 * IAM service accounts of a project (`serviceAccounts.list`, pages of up to 100). The id is the
 * account's unique id and the name its email (CONTRACT.md section 1); service accounts have no
 * labels.
 */
import type { Resource } from '../../core/resource.ts';
import { gcpServiceAccountUid } from '../../core/uid.ts';
import { type ApiObject, text } from './json.ts';
import type { ListPlan } from './list.ts';
import { gcpResource } from './resource.ts';

export const SERVICE_ACCOUNT_TYPE = 'google_service_account';

/** The service-account list of `project`. */
export function serviceAccountList(project: string): ListPlan {
  return {
    type: SERVICE_ACCOUNT_TYPE,
    request: {
      project,
      service: 'iam',
      api: 'iam.serviceAccounts.list',
      location: 'global',
      path: `/v1/projects/${project}/serviceAccounts`,
      query: { pageSize: '100' },
    },
    shape: { kind: 'list', field: 'accounts' },
    paged: true,
  };
}

/** The resource of a service account listed in `project`. */
export function serviceAccountResource(
  project: string,
  item: ApiObject,
  observedAt: string,
): Resource | undefined {
  const email = text(item.email);
  if (!email) return undefined;
  return gcpResource(
    {
      uid: gcpServiceAccountUid(project, email),
      type: SERVICE_ACCOUNT_TYPE,
      id: text(item.uniqueId) ?? email,
      name: email,
      project,
    },
    item,
    observedAt,
  );
}
