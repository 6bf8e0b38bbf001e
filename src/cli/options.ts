/**
 * The one table of command-line options. It drives parsing, `--help`, and which provider
 * setting each scope flag feeds; the README's flag table is written from it.
 */

/** How an option's value is read. */
export type OptionKind =
  /** `--flag`, `--flag=true|false`, `--no-flag`. */
  | 'boolean'
  | 'string'
  /** A whole number >= 1. */
  | 'count'
  /** Go-style: `90s`, `5m`, `1h30m`. */
  | 'duration'
  /** Comma-separated; repeating the flag appends. */
  | 'list';

export type CommandName = 'scan' | 'validate';

/** Provider settings a scope flag feeds: provider name → setting key. */
export type Feeds = Readonly<Record<string, string>>;

export interface OptionSpec {
  /** Long name without dashes: `max-workers`. */
  readonly name: string;
  readonly short?: string;
  readonly kind: OptionKind;
  /** The flag may be given several times; values accumulate. */
  readonly repeatable?: boolean;
  /** Allowed values. */
  readonly choices?: readonly string[];
  /** Shown in help: `N`, `DUR`, `DIR`. */
  readonly placeholder?: string;
  /** The default, as shown in help. */
  readonly defaultText?: string;
  readonly description: string;
  readonly commands: readonly CommandName[];
  /** The provider settings this flag sets (scope flags). */
  readonly feeds?: Feeds;
}

const BOTH: readonly CommandName[] = ['scan', 'validate'];
const SCAN: readonly CommandName[] = ['scan'];

export const OPTIONS: readonly OptionSpec[] = [
  { name: 'all', kind: 'boolean', description: 'Scan every registered provider', commands: BOTH },
  {
    name: 'provider',
    kind: 'list',
    repeatable: true,
    placeholder: 'NAME',
    description: 'A provider to scan, by name (repeatable)',
    commands: BOTH,
  },
  {
    name: 'concurrent',
    kind: 'boolean',
    defaultText: 'false',
    description: 'Scan providers at the same time (otherwise one after another)',
    commands: SCAN,
  },
  {
    name: 'max-workers',
    kind: 'count',
    placeholder: 'N',
    defaultText: '4',
    description: 'Providers scanned at once with --concurrent',
    commands: SCAN,
  },
  {
    name: 'api-concurrency',
    kind: 'count',
    placeholder: 'N',
    defaultText: 'per provider',
    description: 'API calls in flight inside each provider',
    commands: SCAN,
  },
  {
    name: 'scan-timeout',
    kind: 'duration',
    placeholder: 'DUR',
    defaultText: '5m',
    description: "Time limit of each provider's scan, from its own start",
    commands: BOTH,
  },
  {
    name: 'fail-on-error',
    kind: 'boolean',
    defaultText: 'false',
    description: 'Stop at the first provider that fails; write what was collected; exit 3',
    commands: SCAN,
  },
  {
    name: 'skip-merging',
    kind: 'boolean',
    defaultText: 'false',
    description: "Write each provider's own snapshot instead of one merged snapshot",
    commands: SCAN,
  },
  {
    name: 'preferred-order',
    kind: 'list',
    placeholder: 'a,b,c',
    defaultText: '[]',
    description: 'Providers to start first, in this order; the rest follow alphabetically',
    commands: SCAN,
  },
  {
    name: 'region',
    kind: 'list',
    repeatable: true,
    placeholder: 'R',
    description: 'AWS region; for GCP, the zones of that region (repeatable)',
    commands: BOTH,
    feeds: { aws: 'regions', gcp: 'regions' },
  },
  {
    name: 'all-regions',
    kind: 'boolean',
    description: 'Every enabled AWS region',
    commands: BOTH,
    feeds: { aws: 'allRegions' },
  },
  {
    name: 'profile',
    kind: 'list',
    repeatable: true,
    placeholder: 'P',
    description: 'AWS profile, one account each (repeatable)',
    commands: BOTH,
    feeds: { aws: 'profiles' },
  },
  {
    name: 'project',
    kind: 'list',
    repeatable: true,
    placeholder: 'P',
    description: 'GCP project (repeatable)',
    commands: BOTH,
    feeds: { gcp: 'projects' },
  },
  {
    name: 'zone',
    kind: 'list',
    repeatable: true,
    placeholder: 'Z',
    description: 'GCP zone: only these zones, for zonal resources (repeatable)',
    commands: BOTH,
    feeds: { gcp: 'zones' },
  },
  {
    name: 'kubeconfig',
    kind: 'string',
    placeholder: 'FILE',
    description: 'Kubeconfig file (default: KUBECONFIG, ~/.kube/config)',
    commands: BOTH,
    feeds: { kubernetes: 'kubeconfig' },
  },
  {
    name: 'context',
    kind: 'list',
    repeatable: true,
    placeholder: 'C',
    description: 'Kubernetes context (repeatable; default: the current context)',
    commands: BOTH,
    feeds: { kubernetes: 'contexts' },
  },
  {
    name: 'namespace',
    kind: 'list',
    repeatable: true,
    placeholder: 'NS',
    description: 'Kubernetes namespace (repeatable; default: all)',
    commands: BOTH,
    feeds: { kubernetes: 'namespaces' },
  },
  {
    name: 'path',
    kind: 'string',
    repeatable: true,
    placeholder: 'DIR',
    defaultText: '.',
    description: 'Directory searched for Terraform *.tfstate files (repeatable)',
    commands: BOTH,
    feeds: { terraform: 'paths' },
  },
  {
    name: 'state',
    kind: 'string',
    repeatable: true,
    placeholder: 'FILE|GLOB|URL',
    description: 'Terraform state file, glob or http(s) URL (repeatable)',
    commands: BOTH,
    feeds: { terraform: 'states' },
  },
  {
    name: 'types',
    kind: 'list',
    repeatable: true,
    placeholder: 't1,t2',
    description: 'Only these resource types',
    commands: SCAN,
  },
  {
    name: 'exclude-types',
    kind: 'list',
    repeatable: true,
    placeholder: 't1,t2',
    description: 'Never these resource types',
    commands: SCAN,
  },
  {
    name: 'output',
    short: 'o',
    kind: 'string',
    choices: ['table', 'json', 'yaml', 'ndjson'],
    placeholder: 'FORMAT',
    defaultText: 'table',
    description: 'table (the summary), json, yaml or ndjson',
    commands: SCAN,
  },
  {
    name: 'output-file',
    short: 'f',
    kind: 'string',
    placeholder: 'FILE',
    description: 'Write the snapshot to FILE (json unless --output says otherwise)',
    commands: SCAN,
  },
  {
    name: 'quiet',
    short: 'q',
    kind: 'boolean',
    description: 'Print nothing on stderr but errors',
    commands: BOTH,
  },
  {
    name: 'config',
    kind: 'string',
    placeholder: 'FILE',
    defaultText: '$WGO_CONFIG or ~/.wgo/config.yaml',
    description: 'Config file',
    commands: BOTH,
  },
  { name: 'help', short: 'h', kind: 'boolean', description: 'Show help', commands: BOTH },
];

/** The options a command accepts. */
export function optionsOf(command: CommandName): OptionSpec[] {
  return OPTIONS.filter((option) => option.commands.includes(command));
}
