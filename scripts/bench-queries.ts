/**
 * `npm run bench:queries [-- --jobs N --applications N --inquiries N --runs N --keep]`
 *
 * Seeds a throw-away schema of the real PostgreSQL (BENCH_DATABASE_URL, default the test database)
 * at production-like size — 100,000 job notices, 1,000,000 applications, 100,000 inquiries by
 * default — then calls each list/search service the way a user would, many times with varied
 * arguments, and prints p50/p99 latency and the number of SQL statements per call (to show that no
 * list issues a query per row). Target: p99 ≤ 20 ms per call.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import pg from 'pg';
import { migrate, openOrm } from '../db/orm.ts';
import { createUnitOfWork } from '../db/unit-of-work.ts';
import { secretBox } from '../src/crypto/secret-box.ts';
import type { Actor } from '../src/domain/actor.ts';
import type { DomainContext } from '../src/domain/context.ts';
import { createDomainServices, type DomainServices } from '../src/domain/services.ts';
import { LocalFileStorage } from '../src/files/storage.ts';
import { type BenchCase, benchCases, type Seeded, seed } from './bench-queries-cases.ts';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '100000' },
    applications: { type: 'string', default: '1000000' },
    inquiries: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    'show-sql': { type: 'boolean', default: false },
  },
});
const sizes = {
  jobs: Number(values.jobs),
  applications: Number(values.applications),
  inquiries: Number(values.inquiries),
};
const runs = Number(values.runs);
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `benchq_${randomBytes(4).toString('hex')}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<number> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  let statements = 0;
  let showSql = false;
  const orm = await openOrm({
    clientUrl: url.toString(),
    log: (message) => {
      const plain = stripVTControlCharacters(message);
      if (
        plain.includes('[query]') &&
        !/\[query\]\s*(begin|commit|rollback|savepoint|release)/i.test(plain)
      ) {
        statements++;
        if (showSql) console.log(`  ${plain.slice(0, 220)}`);
      }
    },
  });
  try {
    await migrate(orm);
    const started = performance.now();
    const seeded: Seeded = await seed(admin, schema, sizes);
    // The steady state of a live database: statistics and visibility maps up to date (autovacuum).
    await admin.query('vacuum analyze');
    console.log(
      `seeded ${sizes.jobs.toLocaleString()} jobs, ${sizes.applications.toLocaleString()} applications, ` +
        `${sizes.inquiries.toLocaleString()} inquiries in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const ctx: DomainContext = {
      uow: createUnitOfWork(orm),
      clock: () => new Date(),
      files: new LocalFileStorage(path.join(os.tmpdir(), 'bench-queries-files')),
      secrets: secretBox(randomBytes(32)),
      businessTimeZone: 'Asia/Tokyo',
      openSignupRole: 'worker',
    };
    const services: DomainServices = createDomainServices(ctx);
    const cases: BenchCase[] = benchCases(services, seeded);

    const rows: string[][] = [['call', 'p50', 'p99', 'max', 'SQL per call', 'rows']];
    let worst = 0;
    for (const c of cases) {
      if (values['show-sql']) {
        console.log(c.name);
        showSql = true;
        await c.run(0);
        showSql = false;
      }
      for (let i = 0; i < 20; i++) await c.run(i); // warm-up: plans and pool connections
      const times: number[] = [];
      let sql = 0;
      let returned = 0;
      for (let i = 0; i < runs; i++) {
        const before = statements;
        const t0 = performance.now();
        returned += await c.run(i);
        times.push(performance.now() - t0);
        sql = Math.max(sql, statements - before);
      }
      times.sort((a, b) => a - b);
      worst = Math.max(worst, percentile(times, 99));
      rows.push([
        c.name,
        `${percentile(times, 50).toFixed(2)} ms`,
        `${percentile(times, 99).toFixed(2)} ms`,
        `${(times.at(-1) ?? 0).toFixed(2)} ms`,
        String(sql),
        (returned / runs).toFixed(1),
      ]);
    }
    const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    for (const [i, r] of rows.entries()) {
      console.log(r.map((cell, j) => cell.padEnd(widths[j] ?? 0)).join(' | '));
      if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
    }
    console.log(
      `\n${runs} calls per row after 20 warm-up calls; SQL per call counts statements (not BEGIN/COMMIT); lists run without a transaction.`,
    );
    console.log(`target p99 ≤ 20 ms: ${worst <= 20 ? 'met' : 'NOT met'} (worst p99 ${worst.toFixed(2)} ms)`);
    return 0;
  } finally {
    await orm.close();
    if (!values.keep) await admin.query(`drop schema ${schema} cascade`);
    else console.log(`kept schema ${schema}`);
    await admin.end();
  }
}

export type { Actor };

process.exitCode = await main();
