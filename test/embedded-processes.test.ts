/**
 * One DATA_DIR, many processes, as a newcomer runs them: `npm start`, four `npm run chat` sessions and
 * `npm run cli -- queue:stats` at the same time on the embedded server. Every chat line is answered,
 * no one gets the error apology, a notification crosses processes within seconds, and an app killed
 * with SIGKILL mid-load comes back on its data, reusing the server the others kept running.
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedConnectionInfo, readPostmasterPid } from '../src/wiring/embedded.ts';
import { embeddedDataDir, removeDataDir } from './helpers/embedded.ts';
import { freePort, type Spawned, spawnNode, waitForReady } from './helpers/process.ts';

const APOLOGY = '処理中に問題が発生しました';

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`${what} not seen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A chat session kept open; `say` types a line and waits until its answer has been printed. */
function chat(handle: string, env: Record<string, string>) {
  const p = spawnNode('adapters/console/main.ts', ['--as', handle], env);
  let answered = 0;
  return {
    p,
    async say(line: string, expect: RegExp, ms = 15_000) {
      const from = p.stdout().length;
      p.child.stdin?.write(`${line}\n`);
      await until(() => expect.test(p.stdout().slice(from)), ms, `${handle}: answer to "${line}"`);
      answered += 1;
    },
    answered: () => answered,
    async end() {
      p.child.stdin?.end('終了\n');
      return p.exited;
    },
  };
}

describe('the embedded server under several processes at once', () => {
  let dataDir: string;
  const spawned: Spawned[] = [];
  beforeAll(async () => {
    dataDir = await embeddedDataDir('bot-multi');
  });
  afterAll(async () => {
    for (const p of spawned) p.child.kill('SIGKILL');
    await removeDataDir(dataDir);
  });

  it('serves the app, four chats and the cli together, and survives the app being SIGKILLed', async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
    const app = spawnNode('src/main.ts', [], env);
    spawned.push(app);
    await waitForReady(`http://127.0.0.1:${port}/readyz`, 30_000, app);
    const seed = spawnNode('src/cli.ts', ['seed:demo'], env);
    expect(await seed.exited).toBe(0);

    // An application still waiting for a decision, and the console handle of its worker.
    const info = await embeddedConnectionInfo(dataDir);
    const db = new pg.Client({ connectionString: info?.url });
    await db.connect();
    const [pending] = (
      await db.query<{ id: number; handle: string }>(
        `select a.id, i.external_id as handle from applications a
           join platform_identities i on i.user_id = a.worker_id and i.platform = 'console'
          where a.status = 'applied' order by a.id limit 1`,
      )
    ).rows;
    await db.end();
    if (!pending) throw new Error('the demo data has no undecided application');

    const worker = chat(pending.handle, env);
    const staff = chat('staff1', env);
    const others = [chat('worker40', env), chat('customer1', env)];
    spawned.push(worker.p, staff.p, ...others.map((o) => o.p));
    const stats = spawnNode('src/cli.ts', ['queue:stats'], env);

    const load = async (c: ReturnType<typeof chat>, lines: [string, RegExp][]) => {
      for (const [line, answer] of lines) await c.say(line, answer);
    };
    const workerLines: [string, RegExp][] = [
      ['求人', /募集案件\(\d+件/],
      ['ヘルプ', /ご利用いただけるコマンド/],
      ['lang en', /Your language is now English/],
      ['jobs', /Job notices|job notices/],
      ['lang ja', /日本語/],
    ];
    await Promise.all([
      load(worker, workerLines),
      load(staff, [
        ['ヘルプ', /ご利用いただけるコマンド/],
        ['求人', /募集案件\(\d+件/],
      ]),
      load(others[0] as ReturnType<typeof chat>, workerLines),
      load(others[1] as ReturnType<typeof chat>, [
        ['ヘルプ', /ご利用いただけるコマンド/],
        ['問い合わせ一覧', /問い合わせ/],
      ]),
    ]);
    expect(await stats.exited).toBe(0);
    expect(stats.stdout()).toMatch(/^backend: postgres\nline-inbound\t\{/);

    // A decision in one process reaches the worker's open chat in another, within seconds.
    const decided = Date.now();
    await staff.say(`採用 ${pending.id}`, new RegExp(`#${pending.id}`));
    await until(
      () => worker.p.stdout().includes(`応募 #${pending.id} が採用されました`),
      10_000,
      'the 🔔 notification',
    );
    expect(Date.now() - decided).toBeLessThan(10_000);

    // The app dies mid-load; the chats keep the server and go on answering.
    const settings = JSON.parse(await readFile(`${dataDir}/postgres.json`, 'utf8')) as { pgdata: string };
    const serverPid = readPostmasterPid(settings.pgdata)?.pid;
    const busy = load(others[0] as ReturnType<typeof chat>, workerLines);
    await new Promise((r) => setTimeout(r, 200));
    app.child.kill('SIGKILL');
    await app.exited;
    await busy;

    // Started again, the app reuses the running server and finds its data.
    const again = spawnNode('src/main.ts', [], { ...env, LOG_LEVEL: 'info' });
    spawned.push(again);
    await waitForReady(`http://127.0.0.1:${port}/readyz`, 30_000, again);
    expect(again.stdout()).toMatch(/"attached":true.*"msg":"store ready"/);
    await worker.say('求人', /募集案件\(\d+件/);

    for (const c of [worker, staff, ...others]) {
      expect(await c.end()).toBe(0);
      expect(c.p.stdout()).not.toContain(APOLOGY);
      expect(c.p.stderr()).toBe('');
    }
    expect(worker.answered() + staff.answered()).toBe(workerLines.length + 4);

    // The server was the same one all along; the last process out stops it.
    expect(readPostmasterPid(settings.pgdata)?.pid).toBe(serverPid);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    await until(() => readPostmasterPid(settings.pgdata) === null, 10_000, 'the server stopping');
  }, 180_000);
});
