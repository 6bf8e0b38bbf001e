/**
 * The V8 settings the `wgo` process runs with, and the relaunch that applies them.
 *
 * V8 sizes its young generation from the machine's memory: on a large machine each semi-space
 * may grow to 64 MB, and the pages it frees stay pooled (resident) rather than returned. A
 * scan allocates short-lived objects at a high rate (every API page is parsed, mapped and
 * dropped), so that young generation, not the data kept, set wgo's peak RSS: 963 MiB at a
 * million resources, 844 MiB with semi-spaces capped at 16 MB, at about the same wall time
 * (`npm run bench -- heap-1m`, BENCHMARKS.md). These flags can only be given when Node starts, so
 * the bin relaunches itself with them (`process.execve`: the same process id, stdio and
 * signals, no child to manage) before it loads anything else.
 */

/** Node options wgo runs with. */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];

/** What the relaunch decision reads of the current process. */
export interface ProcessView {
  readonly execPath: string;
  /** Node's own options (`process.execArgv`). */
  readonly execArgv: readonly string[];
  /** The full argv: node, the script, then wgo's arguments. */
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Whether this Node can replace its process image (`process.execve`, Node 22.15+, not Windows). */
  readonly canExec: boolean;
}

function flagName(flag: string): string {
  return flag.split('=')[0] as string;
}

/**
 * The argv to relaunch with, or `undefined` to run as is: when every flag is already set (by
 * the relaunch itself, or by the user on the command line or in `NODE_OPTIONS`, whose choice
 * wins), or when the process cannot be replaced.
 */
export function relaunchArgv(view: ProcessView): string[] | undefined {
  if (!view.canExec) return undefined;
  const given = [...view.execArgv, ...(view.env.NODE_OPTIONS ?? '').split(/\s+/)].map(flagName);
  const missing = NODE_FLAGS.filter((flag) => !given.includes(flagName(flag)));
  if (missing.length === 0) return undefined;
  const [, script, ...args] = view.argv;
  if (script === undefined) return undefined;
  return [view.execPath, ...missing, ...view.execArgv, script, ...args];
}
