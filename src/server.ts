/**
 * The server behind `npm start` (src/main.ts). With no environment at all it opens the embedded store under ./.data,
 * migrates it, uses BullMQ's PostgreSQL backend on it and serves on port 3000.
 */
import { loadConfig } from './config.ts';
import { describeStartupError } from './entry.ts';
import { createLogger } from './logger.ts';
import { type App, createApp } from './wiring/app.ts';

const SHUTDOWN_DEADLINE_MS = 10_000;

/** Prints the one-line reason and exits: used before the server runs, when nothing needs closing. */
function fail(err: unknown): never {
  process.stderr.write(`error: ${describeStartupError(err)}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    fail(err);
  }
  const logger = createLogger({ level: config.logLevel ?? 'info' });
  let app: App;
  try {
    app = await createApp(config, { logger });
    await app.listen();
  } catch (err) {
    fail(err);
  }

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    app
      .stop()
      .then(() => {
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

await main();
