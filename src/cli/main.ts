/**
 * The wgo command: parse, dispatch to a command, print errors as one line, and exit. This is
 * the only file that calls `process.exit`; the executable (`bin.ts`) calls `main`.
 */
import { readFileSync } from 'node:fs';
import { builtinCollectors } from '../collectors/index.ts';
import { configLocation, loadConfig } from '../config/load-config.ts';
import { ConfigError, describeError, UsageError, WgoError } from '../core/errors.ts';
import { ConcurrentScanner } from '../scanner/concurrent-scanner.ts';
import { EXIT } from './exit-codes.ts';
import { commandHelp, mainHelp } from './help.ts';
import type { CliIo } from './io.ts';
import { type CommandName, optionsOf } from './options.ts';
import { parseArgs } from './parse-args.ts';
import { scanCommand } from './scan-command.ts';
import { stderrLogger } from './stderr-logger.ts';
import { validateCommand } from './validate-command.ts';

const COMMANDS: readonly CommandName[] = ['scan', 'validate'];

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

function isDebug(env: NodeJS.ProcessEnv): boolean {
  return env.WGO_DEBUG === 'true' || env.WGO_DEBUG === '1';
}

/**
 * Runs wgo with `argv` (without the node and script paths) and returns the exit code.
 * Everything the process offers comes in through `io`, so tests call this in-process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = isDebug(io.env);
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      (first === undefined ? io.stderr : io.stdout).write(mainHelp());
      return first === undefined ? EXIT.usage : EXIT.ok;
    }
    if (first === '-v' || first === '--version' || first === 'version') {
      io.stdout.write(`wgo ${version()}\n`);
      return EXIT.ok;
    }
    if (!COMMANDS.includes(first as CommandName)) {
      throw new UsageError(`unknown command "${first}" (commands: ${COMMANDS.join(', ')}; see wgo --help)`);
    }
    const command = first as CommandName;
    const args = parseArgs(rest, optionsOf(command), command);
    if (args.values.help) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    if (args.positionals.length > 0) {
      throw new UsageError(`unexpected argument "${args.positionals[0]}" for "wgo ${command}"`);
    }
    const quiet = args.values.quiet === true;
    const log = stderrLogger({
      write: (line) => io.stderr.write(line),
      level: debug ? 'debug' : quiet ? 'error' : 'warn',
    });
    const file = await loadConfig(configLocation(args.values.config as string | undefined, io.env));
    const scanner = new ConcurrentScanner({ log });
    for (const [name, collector] of Object.entries(builtinCollectors()))
      scanner.registerProvider(name, collector);
    try {
      return command === 'scan'
        ? await scanCommand(args, file, scanner, io, log)
        : await validateCommand(args, file, scanner, io);
    } finally {
      await scanner.close();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`wgo: ${error.message}\n`);
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      return EXIT.usage;
    }
    const prefix = error instanceof WgoError ? '' : 'internal error: ';
    io.stderr.write(`wgo: ${prefix}${describeError(error)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else if (!(error instanceof WgoError)) io.stderr.write('wgo: run with WGO_DEBUG=true for details\n');
    return EXIT.incomplete;
  }
}

/** Resolves once everything written to `stream` so far has been handed to the OS. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/** Wires `run` to the real process: streams, environment, Ctrl-C and the exit code. */
export async function main(): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts++;
    if (interrupts > 1) process.exit(EXIT.interrupted);
    process.stderr.write('wgo: interrupted; writing what was collected (Ctrl-C again to quit now)\n');
    controller.abort();
  });
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
  });
  const code = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    signal: controller.signal,
    stderrIsTty: process.stderr.isTTY === true,
    stdoutIsTty: process.stdout.isTTY === true,
  });
  // Exit now rather than when the event loop drains: a collector that ignored its signal may
  // still hold a socket or timer, and it must not keep a finished scan alive. But first let
  // stdout and stderr flush: writes to a pipe are asynchronous, and exit would cut them off.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
