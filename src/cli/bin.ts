#!/usr/bin/env node
/**
 * The `wgo` executable. It first makes sure Node runs with wgo's V8 settings (`node-flags.ts`),
 * relaunching itself once when they are missing, and only then loads the command line: a
 * relaunch must not pay for loading the SDKs twice.
 */
import { relaunchArgv } from './node-flags.ts';

const argv = relaunchArgv({
  execPath: process.execPath,
  execArgv: process.execArgv,
  argv: process.argv,
  env: process.env,
  canExec: typeof process.execve === 'function',
});
if (argv) {
  try {
    process.execve?.(process.execPath, argv, process.env);
  } catch {
    // The process could not be replaced (a seccomp policy, an exotic platform): run as is.
  }
}
const { main } = await import('./main.ts');
await main();
