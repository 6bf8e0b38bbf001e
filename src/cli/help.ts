/**
 * `--help` text, written from the option table so it cannot drift from what the parser accepts.
 */
import { type CommandName, optionsOf } from './options.ts';

const COMMANDS: Readonly<Record<CommandName, { usage: string; summary: string }>> = {
  scan: {
    usage: 'wgo scan [flags]',
    summary: 'Scan providers and write one merged, deduplicated snapshot.',
  },
  validate: {
    usage: 'wgo validate --provider NAME [flags]',
    summary: "Check providers' configuration and credentials without scanning.",
  },
};

const EXIT_CODES = `Exit codes:
  0    every provider ok
  1    finished, but some provider is partial, failed or timed out (the snapshot is written)
  2    usage or configuration error (nothing scanned)
  3    stopped by --fail-on-error (the partial snapshot is written)
  130  interrupted by Ctrl-C (the partial snapshot is written)`;

/** Help for one command. */
export function commandHelp(command: CommandName): string {
  const rows = optionsOf(command).map((option) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${option.name}${option.placeholder ? ` ${option.placeholder}` : ''}`;
    const extra = option.defaultText ? ` (default ${option.defaultText})` : '';
    return [flag, `${option.description}${extra}`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const lines = rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
  const { usage, summary } = COMMANDS[command];
  return `${summary}\n\nUsage: ${usage}\n\nFlags:\n${lines.join('\n')}\n\nBooleans also take --flag=false and --no-flag.\n\n${EXIT_CODES}\n`;
}

/** Help for `wgo` itself. */
export function mainHelp(): string {
  const commands = (Object.keys(COMMANDS) as CommandName[])
    .map((name) => `  ${name.padEnd(9)} ${COMMANDS[name].summary}`)
    .join('\n');
  return `wgo: what's going on in your infrastructure (AWS, GCP, Kubernetes, Terraform state).

Usage: wgo <command> [flags]

Commands:
${commands}

Flags:
  -h, --help     Show help (also: wgo <command> --help)
  -v, --version  Print the version

Environment: WGO_CONFIG, WGO_HOME (default ~/.wgo), WGO_DEBUG=true, NO_COLOR, and each provider's
standard variables (AWS_PROFILE, AWS_REGION, GOOGLE_APPLICATION_CREDENTIALS, KUBECONFIG, ...).

${EXIT_CODES}
`;
}
