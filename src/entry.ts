/**
 * What the entry points (`npm start`, `npm run chat`, `npm run cli`) do with an error that reaches
 * them: an operator's mistake (bad variable, unreachable database, port taken) is one readable line
 * and exit code 1; anything else is a bug and keeps its stack.
 */
import { ConfigError } from './config.ts';
import { StartupError } from './errors.ts';

export function describeStartupError(err: unknown): string {
  if (err instanceof ConfigError || err instanceof StartupError) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `PORT is already in use: ${(err as Error).message}`;
  if (code === 'EACCES') return `not allowed to listen on PORT: ${(err as Error).message}`;
  return `start-up failed: ${(err as Error | undefined)?.stack ?? String(err)}`;
}

/** Runs an entry point's `main`, turning its result or failure into the process's exit code. */
export async function runEntry(main: () => Promise<number | undefined>): Promise<void> {
  try {
    const code = await main();
    if (code !== undefined) process.exitCode = code;
  } catch (err) {
    process.stderr.write(`error: ${describeStartupError(err)}\n`);
    process.exitCode = 1;
  }
}
