/**
 * One AWS list API as a page chain, declared as data: the command for a page, where the items
 * and the next token are in its output, and how an item becomes a resource. The collector runs
 * each as one job per (account, region), or once per account when global.
 */
import type { Resource } from '../../core/resource.ts';
import type { AwsService } from './profile-config.ts';
import type { AwsScope } from './resource.ts';

/** Where a page's resources are placed: always with a region for the API call. */
export type PageScope = AwsScope & { readonly region: string };

/** A page of resources and the token of the next page. */
export interface AwsPage {
  readonly resources: Resource[];
  readonly next: string | undefined;
}

/** Any SDK v3 client: what a list needs of it. */
interface SendingClient {
  send(command: unknown, options: { abortSignal: AbortSignal }): Promise<unknown>;
}

/** The declaration of one list API. */
export interface AwsListSpec<Output, Item> {
  /** The resource type it yields. */
  readonly type: string;
  readonly service: AwsService;
  /** `ec2:DescribeInstances`, for reports and limiter accounting. */
  readonly api: string;
  /** Listed once per account (IAM), not per region. */
  readonly global?: boolean;
  /** The command for the page after `token` (an SDK command object). */
  command(token: string | undefined): unknown;
  items(output: Output): readonly Item[] | undefined;
  /** The next page's token; `undefined` for an unpaged API. */
  next(output: Output): string | undefined;
  resource(item: Item, scope: PageScope): Resource;
}

/** A list API ready to run: its declaration with the page fetch built in. */
export interface AwsListKind {
  readonly type: string;
  readonly service: AwsService;
  readonly api: string;
  readonly global: boolean;
  page(client: unknown, token: string | undefined, signal: AbortSignal, scope: PageScope): Promise<AwsPage>;
}

/** Builds a runnable list from its declaration. */
export function listKind<Output, Item>(spec: AwsListSpec<Output, Item>): AwsListKind {
  return {
    type: spec.type,
    service: spec.service,
    api: spec.api,
    global: spec.global ?? false,
    async page(client, token, abortSignal, scope) {
      const output = (await (client as SendingClient).send(spec.command(token), { abortSignal })) as Output;
      return {
        resources: (spec.items(output) ?? []).map((item) => spec.resource(item, scope)),
        next: spec.next(output),
      };
    },
  };
}
