/**
 * The entry points as a user runs them: `npm start` (src/main.ts), `npm run chat` and `npm run cli`,
 * driven through their real stdin/stdout, exit codes and signals.
 */
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDataDir, removeDataDir } from './helpers/embedded.ts';
import { freePort, spawnNode, waitForReady } from './helpers/process.ts';
import { freshSchema, type TestSchema } from './helpers/services.ts';

async function run(script: string, args: string[], env: Record<string, string>, input?: string) {
  const p = spawnNode(script, args, env, input);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

describe('start-up errors', () => {
  it.each([
    [{ PORT: 'abc' }, /^error: PORT=abc is invalid: .+\n$/],
    [{ PORT: '99999' }, /^error: PORT=99999 is invalid: .+\n$/],
    [{ DATABASE_URL: 'localhost/db' }, /^error: DATABASE_URL=localhost\/db is invalid: .+\n$/],
    [
      { DATABASE_URL: 'postgres://postgres:pw@127.0.0.1:1/x' },
      /^error: Cannot connect to DATABASE_URL=postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/x: connection refused\n$/,
    ],
  ])('%o gives one clear line and exit code 1', async (env, expected) => {
    const { code, stderr, stdout } = await run('src/main.ts', [], { DATA_DIR: os.tmpdir(), ...env });
    expect(code).toBe(1);
    expect(stderr).toMatch(expected);
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
    expect(stdout).toBe('');
  });
});

describe('npm start on the embedded store, with chat and cli beside it', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await embeddedDataDir('bot-proc');
  });
  afterAll(async () => {
    await removeDataDir(dataDir);
  });

  it('boots, serves, shares its store with chat and cli, stops on SIGTERM and reuses the data', async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
    const server = spawnNode('src/main.ts', [], env);
    try {
      const ready = await waitForReady(`http://127.0.0.1:${port}/readyz`, 30_000, server);
      expect(ready).toMatchObject({ store: { kind: 'embedded' }, queue: { backend: 'postgres' } });

      // Both attach to the running server's database rather than opening the files a second time.
      const seeded = await run('src/cli.ts', ['seed:demo'], env);
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toMatch(/^added demo data: .*10 jobs/);
      const chat = await run('adapters/console/main.ts', ['--as', 'alice'], env, '求人\n');
      expect(chat.code).toBe(0);
      expect(chat.stdout).toContain('募集案件(10件)');
      expect(chat.stdout).toContain('商品データ入力(ECサイト)');
      expect(chat.stdout).toContain('12,000円');

      const started = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      server.child.kill('SIGKILL');
    }

    // Second start: same data, no new migrations, alice is known (no welcome).
    const again = spawnNode('src/main.ts', [], env);
    try {
      await waitForReady(`http://127.0.0.1:${port}/readyz`, 30_000, again);
      const chat = await run('adapters/console/main.ts', ['--as', 'alice'], env, 'jobs\n');
      expect(chat.stdout).toContain('募集案件(10件)');
      expect(chat.stdout).not.toContain('はじめまして');
      again.child.kill('SIGINT');
      expect(await again.exited).toBe(0);
    } finally {
      again.child.kill('SIGKILL');
    }
  }, 90_000);
});

describe('npm run chat', () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await freshSchema('chat');
  });
  afterAll(async () => {
    await schema?.drop();
  });

  it('answers help, ヘルプ, lang en and jobs through stdin and stdout', async () => {
    // "2" taps the second numbered choice of the previous reply (help's quick replies: ホーム, 求人, …);
    // "終了" ends the session, so the last "help" is never answered.
    const input = ['help', 'ヘルプ', '2', 'lang en', 'jobs', '終了', 'help'].join('\n');
    const { code, stdout, stderr } = await run(
      'adapters/console/main.ts',
      ['--as', 'ボブ'],
      { DATABASE_URL: schema.url },
      input,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('ボブさん、はじめまして');
    expect(stdout.match(/【ご利用いただけるコマンド】/g)).toHaveLength(2);
    expect(stdout).toContain('現在、募集中の募集案件はありません。');
    expect(stdout).toContain('Your language is now English.');
    expect(stdout).toContain('There are no open job notices right now.');
    expect(stdout).not.toContain('Commands you can use');
  });

  it('prints usage for --help and refuses an unknown option', async () => {
    const help = await run('adapters/console/main.ts', ['--help'], { DATABASE_URL: schema.url });
    expect(help).toMatchObject({ code: 0 });
    expect(help.stdout).toContain('--as <name>');
    const bad = await run('adapters/console/main.ts', ['--bogus'], { DATABASE_URL: schema.url });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--bogus'");
  });
});

describe('the very first admin', () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await freshSchema('firstadmin');
  });
  afterAll(async () => {
    await schema?.drop();
  });

  it('gets an invitation code from the command line and joins with it in chat', async () => {
    const env = { DATABASE_URL: schema.url };
    const bad = await run('src/cli.ts', ['invite', '--role', 'boss'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--role must be one of');
    const invited = await run('src/cli.ts', ['invite', '--role', 'admin'], env);
    expect(invited.code).toBe(0);
    const code = invited.stdout.split('\n')[0] ?? '';
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    const chat = await run('adapters/console/main.ts', ['--as', 'founder'], env, `参加 ${code}\n`);
    expect(chat.stdout).toContain('参加が完了しました');
  });
});

describe('npm run cli', () => {
  it('lists its commands with --help and rejects an unknown one', async () => {
    const help = await run('src/cli.ts', ['--help'], {});
    expect(help.code).toBe(0);
    for (const c of ['migrate', 'seed:demo', 'queue:stats', 'migration:create'])
      expect(help.stdout).toContain(c);
    const bad = await run('src/cli.ts', ['frobnicate'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown command "frobnicate"');
  });
});
