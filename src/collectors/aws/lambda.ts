/**
 * Lambda functions. Environment variables keep their names; their values are redacted
 * (CONTRACT.md section 4), whatever they are called.
 */
import { ListFunctionsCommand, type ListFunctionsCommandOutput } from '@aws-sdk/client-lambda';
import { keysOnly } from '../../core/redact.ts';
import { type AwsListKind, listKind } from './list-kind.ts';
import { awsResource } from './resource.ts';

export const LAMBDA_KINDS: readonly AwsListKind[] = [
  listKind({
    type: 'aws_lambda_function',
    service: 'lambda',
    api: 'lambda:ListFunctions',
    command: (Marker) => new ListFunctionsCommand({ Marker, MaxItems: 50 }),
    items: (out: ListFunctionsCommandOutput) => out.Functions,
    next: (out) => out.NextMarker,
    resource: (item, scope) => {
      const name = item.FunctionName ?? '';
      const environment = item.Environment && {
        ...item.Environment,
        Variables: keysOnly(item.Environment.Variables ?? {}),
      };
      return awsResource(scope, {
        type: 'aws_lambda_function',
        uid: item.FunctionArn ?? '',
        id: name,
        name,
        item: { ...item, Environment: environment },
      });
    },
  }),
];
