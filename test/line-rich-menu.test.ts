/** `npm run cli -- line:rich-menu` against the fake LINE API: created, image uploaded, default, replaced. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RICH_MENU_AREAS, RICH_MENU_IMAGE } from '../adapters/line/rich-menu.ts';
import { type FakeLine, startFakeLine } from './fakes/line-api.ts';
import { LINE_TOKEN } from './helpers/line.ts';
import { spawnNode } from './helpers/process.ts';

let fake: FakeLine;
beforeAll(async () => {
  fake = await startFakeLine({ channelAccessToken: LINE_TOKEN });
});
afterAll(() => fake?.close());

const run = async (env: Record<string, string>) => {
  const p = spawnNode('src/cli.ts', ['line:rich-menu'], env);
  const code = await p.exited;
  return { code, out: p.stdout(), err: p.stderr() };
};
const lineEnv = () => ({
  LINE_CHANNEL_SECRET: 'secret',
  LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
  LINE_API_URL: fake.url,
  LINE_DATA_API_URL: fake.url,
});

describe('line:rich-menu', () => {
  it('creates the five-button menu with the bundled image and makes it the default; a re-run replaces it', async () => {
    const first = await run(lineEnv());
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const id = /rich menu (\S+) is now the default/.exec(first.out)?.[1];
    expect(id).toBeDefined();
    expect(fake.defaultRichMenuId).toBe(id);
    const menu = fake.richMenus.get(id ?? '');
    expect(menu?.image?.contentType).toBe('image/png');
    expect(menu?.image?.size).toBe((await readFile(RICH_MENU_IMAGE)).length);
    const areas = menu?.body.areas as { action: { data: string; label: string } }[];
    expect(areas.map((a) => a.action.data)).toEqual(['home', 'jobs', 'applications', 'inquiry-new', 'help']);
    expect(areas.map((a) => a.action.label)).toEqual(RICH_MENU_AREAS.map((a) => a.label));

    const second = await run(lineEnv());
    expect(second.code).toBe(0);
    expect(second.out).toContain(`removed the previous one(s): ${id}`);
    expect(fake.richMenus.has(id ?? '')).toBe(false);
    expect(fake.richMenus.size).toBe(1);
    expect(fake.violations).toEqual([]);
  });

  it('says which variables are missing when LINE is not configured', async () => {
    const res = await run({});
    expect(res.code).not.toBe(0);
    expect(res.err).toContain('LINE_CHANNEL_SECRET');
    expect(res.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('each rich menu command exists in the router, so a tap always does something', async () => {
    const { allCommands } = await import('../commands/index.ts');
    const names = new Set(allCommands.map((c) => c.name));
    for (const a of RICH_MENU_AREAS) expect(names.has(a.command)).toBe(true);
  });
});
