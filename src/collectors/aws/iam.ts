/**
 * IAM users, roles and customer-managed policies: global, listed once per account. Their uid is
 * the ARN the API returns (it carries the path, which wgo cannot rebuild).
 */
import {
  ListPoliciesCommand,
  type ListPoliciesCommandOutput,
  ListRolesCommand,
  type ListRolesCommandOutput,
  ListUsersCommand,
  type ListUsersCommandOutput,
} from '@aws-sdk/client-iam';
import type { Resource } from '../../core/resource.ts';
import { type AwsListKind, listKind, type PageScope } from './list-kind.ts';
import { awsResource } from './resource.ts';

const iam = { service: 'iam', global: true } as const;

/** IAM objects are global: no region. */
function global(
  scope: PageScope,
  type: string,
  uid: string | undefined,
  id: string | undefined,
  name: string | undefined,
  item: unknown,
): Resource {
  const where = { account: scope.account, observedAt: scope.observedAt };
  return awsResource(where, { type, uid: uid ?? '', id: id ?? '', name: name ?? '', item });
}

/** IAM pages with `Marker` only while `IsTruncated`. */
function marker(out: { IsTruncated?: boolean | undefined; Marker?: string | undefined }): string | undefined {
  return out.IsTruncated ? out.Marker : undefined;
}

export const IAM_KINDS: readonly AwsListKind[] = [
  listKind({
    ...iam,
    type: 'aws_iam_user',
    api: 'iam:ListUsers',
    command: (Marker) => new ListUsersCommand({ Marker, MaxItems: 1000 }),
    items: (out: ListUsersCommandOutput) => out.Users,
    next: marker,
    resource: (item, scope) => global(scope, 'aws_iam_user', item.Arn, item.UserName, item.UserName, item),
  }),
  listKind({
    ...iam,
    type: 'aws_iam_role',
    api: 'iam:ListRoles',
    command: (Marker) => new ListRolesCommand({ Marker, MaxItems: 1000 }),
    items: (out: ListRolesCommandOutput) => out.Roles,
    next: marker,
    resource: (item, scope) => global(scope, 'aws_iam_role', item.Arn, item.RoleName, item.RoleName, item),
  }),
  listKind({
    ...iam,
    type: 'aws_iam_policy',
    api: 'iam:ListPolicies',
    command: (Marker) => new ListPoliciesCommand({ Scope: 'Local', Marker, MaxItems: 1000 }),
    items: (out: ListPoliciesCommandOutput) => out.Policies,
    next: marker,
    resource: (item, scope) => global(scope, 'aws_iam_policy', item.Arn, item.Arn, item.PolicyName, item),
  }),
];
