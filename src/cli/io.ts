/**
 * What a command may touch of the process: its streams, environment, working directory and the
 * Ctrl-C signal. Commands get it injected, so tests run them in-process.
 */
import type { Writable } from 'node:stream';

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
  /** Aborts on Ctrl-C. */
  readonly signal: AbortSignal;
  /** stderr is a terminal (colours, live progress). */
  readonly stderrIsTty: boolean;
  /** stdout is a terminal. */
  readonly stdoutIsTty: boolean;
}
