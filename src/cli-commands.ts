/**
 * `npm run cli -- <command>` (entry: src/cli.ts): operator commands. Each answers `--help`. Later issues add more
 * here (README, "Command line").
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from './config.ts';
import { ROLES, type Role } from './domain/roles.ts';
import { ledgerCsv } from './domain/work/ledger-csv.ts';
import { runEntry } from './entry.ts';
import { AppError, StartupError, UserError } from './errors.ts';
import { isLocale, translateRaw } from './i18n/index.ts';
import { createLogger } from './logger.ts';
import { type JobQueue, KNOWN_QUEUES } from './queue.ts';
import { createJobQueue, queueConnectionFor } from './wiring/bullmq.ts';
import { runDeskReport } from './wiring/desk-report-cli.ts';
import { registerDiscordCommands } from './wiring/discord-cli.ts';
import { createDomain } from './wiring/domain.ts';
import { embeddedConnectionInfo } from './wiring/embedded.ts';
import { setUpLineRichMenu } from './wiring/line-cli.ts';
import { createMigration, pendingSchemaDiff } from './wiring/migrations.ts';
import { openStore } from './wiring/open-store.ts';
import { seedDemoData } from './wiring/seed.ts';

interface CliCommand {
  summary: string;
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(config: Config, values: Record<string, string | boolean | undefined>): Promise<void>;
}

// Output piped into a reader that stops early (`| head`) is no error: the command finishes (and
// closes the store properly), its remaining lines unwritten.
let stdoutGone = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  stdoutGone = true;
});
const out = (line: string) => {
  if (!stdoutGone) process.stdout.write(`${line}\n`);
};
const logger = (config: Config) => createLogger({ level: config.logLevel ?? 'warn', fd: 2 });
const open = (config: Config, migrate = true) =>
  openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    logger: logger(config),
    migrate,
    queueConnection: (store) => queueConnectionFor(config, store),
  });

/** Runs `fn` with the job queue (no workers) on the configured store, then closes both. */
async function withQueue(config: Config, fn: (queue: JobQueue) => Promise<void>): Promise<void> {
  const opened = await open(config);
  const queue = createJobQueue({
    connection: queueConnectionFor(config, opened),
    logger: logger(config),
    runWorkers: false,
  });
  try {
    await fn(queue);
  } finally {
    await queue.close();
    await opened.close();
  }
}

const commands: Record<string, CliCommand> = {
  'db:url': {
    summary: 'Print the connection URL of the store, e.g. psql "$(npm run -s cli -- db:url)"',
    usage: 'db:url',
    async run(config) {
      if (config.databaseUrl) {
        out(config.databaseUrl);
        return;
      }
      const info = await embeddedConnectionInfo(config.dataDir);
      if (!info) {
        throw new StartupError(`there is no embedded store in ${config.dataDir} yet: npm start creates it`);
      }
      out(info.url);
      if (!info.running) {
        process.stderr.write(
          'note: the embedded server is not running now; it runs while npm start (or npm run chat) does\n',
        );
      }
    },
  },
  migrate: {
    summary: 'Apply pending database migrations',
    usage: 'migrate',
    async run(config) {
      const opened = await open(config, false);
      try {
        const applied = await opened.migrate();
        out(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await opened.close();
      }
    },
  },
  'seed:demo': {
    summary: 'Fill the store with believable demo data (staff, customers, 50 workers, jobs, inquiries…)',
    usage: 'seed:demo',
    async run(config) {
      const opened = await open(config);
      try {
        const summary = await seedDemoData(config, opened.store);
        if (summary.alreadySeeded) {
          out('demo data is already there (a console user "admin" exists); nothing added');
          return;
        }
        out(
          `added demo data: ${Object.entries(summary.counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}`,
        );
        out('talk as any of them: npm run chat -- --as worker1 (also admin, staff1, client1, customer1 …)');
      } finally {
        await opened.close();
      }
    },
  },
  invite: {
    summary: 'Create a one-time invitation code for a role (the very first admin comes from here)',
    usage: 'invite --role <worker|client|customer|staff|admin> [--company <id>]',
    options: { role: { type: 'string' }, company: { type: 'string' } },
    async run(config, values) {
      const role = values.role;
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
        throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`);
      }
      const company = typeof values.company === 'string' ? Number(values.company) : null;
      if (company !== null && !Number.isInteger(company))
        throw new CliUsageError('--company must be a company id');
      const opened = await open(config);
      try {
        const domain = await createDomain(config, opened.store);
        const { code, expiresAt } = await domain.services.identity.createInvitation(
          null,
          role as Role,
          company,
        );
        out(code);
        out(
          `valid until ${expiresAt.toISOString()}; send "join ${code}" (or "参加 ${code}") to the bot on any platform`,
        );
      } finally {
        await opened.close();
      }
    },
  },
  'desk-report': {
    summary:
      'Print the support desk report for inquiries received in a period: per category and staff member, counts, first response and resolution times, CSAT, SLA hits in business hours (also npm run desk:report)',
    usage: 'desk-report --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--lang ja|en]',
    options: { from: { type: 'string' }, to: { type: 'string' }, lang: { type: 'string' } },
    async run(config, values) {
      const { from, to } = values;
      const lang = values.lang ?? 'ja';
      if (typeof from !== 'string' || typeof to !== 'string')
        throw new CliUsageError('--from and --to are required');
      if (!isLocale(lang)) throw new CliUsageError('--lang must be ja or en');
      const opened = await open(config);
      try {
        for (const line of await runDeskReport(config, opened.store, { from, to, locale: lang })) out(line);
      } finally {
        await opened.close();
      }
    },
  },
  'work-ledger': {
    summary:
      "Export a worker's record of orders, deliveries and payments of one year as CSV (RFC 4180, UTF-8 with a BOM for Excel)",
    usage: 'work-ledger --worker <id> --year <yyyy> [--out <file>] [--lang ja|en] [--no-bom]',
    options: {
      worker: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      'no-bom': { type: 'boolean' },
    },
    async run(config, values) {
      const worker = Number(values.worker);
      if (typeof values.worker !== 'string' || !/^\d{1,9}$/.test(values.worker) || worker < 1)
        throw new CliUsageError('--worker takes a worker (user) id');
      if (typeof values.year !== 'string' || !/^\d{4}$/.test(values.year))
        throw new CliUsageError('--year takes a year such as 2026');
      const lang = values.lang ?? 'ja';
      if (!isLocale(lang)) throw new CliUsageError('--lang is ja or en');
      const opened = await open(config);
      try {
        const domain = await createDomain(config, opened.store);
        // The operator at the command line reads any worker's ledger (docs/domain.md §1.12).
        const ledger = await domain.services.ledger.ledger(null, worker, Number(values.year));
        const csv = ledgerCsv(ledger, lang, { bom: values['no-bom'] !== true });
        if (typeof values.out === 'string') {
          await writeFile(values.out, csv, 'utf8');
          process.stderr.write(`wrote ${ledger.rows.length} row(s) to ${values.out}\n`);
        } else if (!stdoutGone) process.stdout.write(csv);
      } finally {
        await opened.close();
      }
    },
  },
  'queue:stats': {
    summary: 'Print job counts per queue',
    usage: 'queue:stats',
    async run(config) {
      await withQueue(config, async (queue) => {
        const counts = await queue.counts(KNOWN_QUEUES);
        out(`backend: ${queue.backend}`);
        for (const [name, c] of Object.entries(counts)) out(`${name}\t${JSON.stringify(c)}`);
      });
    },
  },
  'queue:retry': {
    summary:
      'Move failed jobs back to waiting (all queues, or one with --queue), after fixing what made them fail',
    usage: 'queue:retry [--queue <name>]',
    options: { queue: { type: 'string' } },
    async run(config, values) {
      const names = typeof values.queue === 'string' ? [values.queue] : [...KNOWN_QUEUES];
      await withQueue(config, async (queue) => {
        for (const name of names) out(`${name}\t${await queue.retryFailed(name)} failed job(s) retried`);
      });
    },
  },
  'discord:register': {
    summary:
      'Register the Discord slash commands (/work, /staff, /support, /market, /account): in one server with --guild (at once, for development), else globally',
    usage: 'discord:register [--guild <id>]',
    options: { guild: { type: 'string' } },
    async run(config, values) {
      const guild = typeof values.guild === 'string' ? values.guild : undefined;
      if (guild !== undefined && !/^\d{17,20}$/.test(guild))
        throw new CliUsageError('--guild takes a server id (a 17–20 digit number)');
      const { names, scope } = await registerDiscordCommands(config, guild);
      out(`registered ${names.map((n) => `/${n}`).join(', ')} (${scope})`);
    },
  },
  'line:rich-menu': {
    summary:
      'Create the default LINE rich menu (Jobs, My applications, Invoice, Inquiry, Help) and set it for everyone',
    usage: 'line:rich-menu',
    async run(config) {
      const { richMenuId, removed } = await setUpLineRichMenu(config);
      out(`rich menu ${richMenuId} is now the default`);
      if (removed.length > 0) out(`removed the previous one(s): ${removed.join(', ')}`);
    },
  },
  'migration:create': {
    summary: 'Generate a migration from the difference between the entities and the committed migrations',
    usage: 'migration:create [--name <name>] [--blank] [--dry-run]',
    options: { name: { type: 'string' }, blank: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
    async run(config, values) {
      if (values['dry-run']) {
        const sql = await pendingSchemaDiff(logger(config));
        out(sql === '' ? 'no changes: the entities match the committed migrations' : sql);
        return;
      }
      const file = await createMigration({
        name: typeof values.name === 'string' ? values.name : undefined,
        blank: values.blank === true,
        logger: logger(config),
      });
      out(
        file
          ? `created db/migrations/${file} (listed in db/migrations/index.ts)`
          : 'no changes: the entities match the committed migrations',
      );
    },
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `npm run cli -- <command> --help` for a command’s options.',
    'Configuration comes from the environment (see README.md).',
  ].join('\n');
}

/** A wrong option value: printed with the command's usage, exit code 2. */
class CliUsageError extends AppError {
  constructor(message: string) {
    super('cli_usage', message);
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`error: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }).values;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\nUsage: npm run cli -- ${command.usage}\n`);
    return 2;
  }
  if (values.help) {
    out(`Usage: npm run cli -- ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    await command.run(loadConfig(), values);
  } catch (err) {
    if (err instanceof CliUsageError) {
      process.stderr.write(`error: ${err.message}\nUsage: npm run cli -- ${command.usage}\n`);
      return 2;
    }
    if (err instanceof UserError) {
      process.stderr.write(`error: ${translateRaw('en', err.key, err.params)}\n`);
      return 1;
    }
    throw err;
  }
  return 0;
}

await runEntry(() => main(process.argv.slice(2)));
