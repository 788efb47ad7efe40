/**
 * `npm run chat -- --as <name>` (entry: main.ts): talk to the bot in the terminal as <name> (created on
 * first use), over the same store as the server. With the embedded store it uses the server a running
 * `npm start` keeps up, or starts it for as long as the session lasts.
 */

import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tokenButton } from '../../src/chat/bot.ts';
import { loadConfig } from '../../src/config.ts';
import { runEntry } from '../../src/entry.ts';
import { uploadRules } from '../../src/files/uploads.ts';
import { createLogger } from '../../src/logger.ts';
import { deliveryQueue, NotificationDelivery } from '../../src/notifications/delivery.ts';
import { buildBot } from '../../src/wiring/app.ts';
import { createJobQueue, queueConnectionFor } from '../../src/wiring/bullmq.ts';
import { createDomain } from '../../src/wiring/domain.ts';
import { openStore } from '../../src/wiring/open-store.ts';
import { ConsoleAdapter, safeName } from './index.ts';

const USAGE = `Usage: npm run chat -- [--as <name>]

Opens a conversation with the bot in this terminal, acting as <name>
(default: your login name). The user is created on first use.
Type "help" or "ヘルプ"; a number picks a numbered button; "@path/to/file" in a line
attaches that file (e.g. "deliver 12 納品します @result.xlsx"); "exit" or "終了" quits.`;

async function main(): Promise<number> {
  let args: { as?: string | undefined; help?: boolean | undefined };
  try {
    args = parseArgs({ options: { as: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const name = (args.as ?? os.userInfo().username).normalize('NFKC').trim();
  if (name === '' || name.length > 64) {
    process.stderr.write('error: --as needs a name of 1 to 64 characters\n');
    return 2;
  }

  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel ?? 'warn', fd: 2 });
  const opened = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    logger,
    queueConnection: (store) => queueConnectionFor(config, store),
  });
  // Notifications for this user wait in their own queue until a chat session serves it (this one).
  const queue = createJobQueue({ connection: queueConnectionFor(config, opened), logger, runWorkers: true });
  const delivery = new NotificationDelivery({
    store: opened.store,
    queue,
    logger,
    timeZone: config.businessTimeZone,
    button: (userId, label, command) => tokenButton(opened.store, userId, label, command, new Date()),
  });
  try {
    const domain = await createDomain(config, opened.store);
    const adapter: ConsoleAdapter = new ConsoleAdapter({
      bot: buildBot({ store: opened.store, domain: domain.services, config, logger }),
      sender: { workspace: 'local', externalId: name, displayName: name },
      input: process.stdin,
      output: process.stdout,
      prompt: process.stdin.isTTY === true,
      files: domain.ctx.files,
      uploadRules: uploadRules(config),
      downloadsDir: path.join(config.dataDir, 'downloads', safeName(name)),
      onUser: (user) => {
        delivery.serve(deliveryQueue({ platform: 'console' }, user.id), adapter);
        delivery.start();
      },
    });
    await adapter.run();
  } finally {
    await delivery.stop();
    await queue.close();
    await opened.close();
  }
  return 0;
}

await runEntry(main);
