/**
 * Layer boundaries (ARCHITECTURE.md): core knows no platform SDK, ORM or queue library except in the
 * wiring module; commands never see platforms or the ORM; adapters hold no store access; only
 * src/config.ts reads the environment.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/process.ts';

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(path.join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
  // Resolve relative imports to project paths, so rules can name folders.
  return specs.map((s) =>
    s.startsWith('.') ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), s)) : s,
  );
}

const PLATFORM_SDK = /^(@slack\/|discord\.js|@discordjs\/|@line\/bot-sdk)/;
const STORAGE_LIBS = /^(@mikro-orm\/|bullmq|ioredis|pg$|@electric-sql\/)/;

async function violations(dir: string, rule: (spec: string, file: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const file of await sources(dir)) {
    for (const spec of await importsOf(file)) if (rule(spec, file)) found.push(`${file} imports ${spec}`);
  }
  return found;
}

/** The audience fan-out module: the one place that says who receives what. */
const AUDIENCE_MODULE = path.join('src', 'domain', 'audience');

/** Signatures of deciding who receives a job alert or a notice. */
const WHO_RECEIVES: [string, RegExp][] = [
  ['the alert preferences join', /join\s+alert_preferences/i],
  ['an alert-match predicate', /\bap\.(skills|paused|min_reward_yen|remote_ok|prefectures)\b/],
  ['the platform fallback order', /'line'\s*,\s*'slack'\s*,\s*'discord'/],
  ["a notice's audience", /audience_role\s*(=|is\b)/],
  // SQL: openings > (select count(*) …); TypeScript: taken >= job.openings.
  ['whether a job takes applications', /openings\s*>\s*\(\s*select|taken\s*>=?\s*[\w.]*openings/i],
];

describe('boundaries', () => {
  it('core (src/) imports no platform SDK anywhere', async () => {
    expect(await violations('src', (s) => PLATFORM_SDK.test(s))).toEqual([]);
  });

  it('core imports the ORM, BullMQ, Redis or PGlite only in the wiring module', async () => {
    expect(await violations('src', (s, f) => STORAGE_LIBS.test(s) && !f.startsWith('src/wiring/'))).toEqual(
      [],
    );
  });

  it('core outside the wiring module depends on no outer layer', async () => {
    const outer = /^(adapters|commands|db)\//;
    expect(await violations('src', (s, f) => outer.test(s) && !f.startsWith('src/wiring/'))).toEqual([]);
  });

  it('commands see neither platforms, the ORM, adapters nor the wiring', async () => {
    const banned = (s: string) =>
      PLATFORM_SDK.test(s) ||
      STORAGE_LIBS.test(s) ||
      /^(adapters|db)\//.test(s) ||
      s.startsWith('src/wiring/');
    expect(await violations('commands', banned)).toEqual([]);
  });

  it('adapters reach the store only through core, never the ORM or db/', async () => {
    const banned = (s: string) => /^@mikro-orm\//.test(s) || /^db\//.test(s) || /^commands\//.test(s);
    expect(await violations('adapters', banned)).toEqual([]);
  });

  it('db/ depends on no adapter, command or platform', async () => {
    const banned = (s: string) => PLATFORM_SDK.test(s) || /^(adapters|commands)\//.test(s);
    expect(await violations('db', banned)).toEqual([]);
  });

  it('only src/config.ts reads process.env', async () => {
    const readers: string[] = [];
    for (const dir of ['src', 'adapters', 'commands', 'db']) {
      for (const file of await sources(dir)) {
        if (file === path.join('src', 'config.ts')) continue;
        if ((await readFile(path.join(ROOT, file), 'utf8')).includes('process.env')) readers.push(file);
      }
    }
    expect(readers).toEqual([]);
  });

  it('only the audience module decides who receives a job alert or a notice', async () => {
    // Its SQL runs in db/fanout.ts (and the repositories that import its fragments); nowhere else
    // writes an alert-match predicate, a notice's audience, the platform order or the cause of alerts.
    const found: string[] = [];
    for (const dir of ['src', 'db', 'commands', 'adapters']) {
      for (const file of await sources(dir)) {
        if (file.startsWith(AUDIENCE_MODULE) || file.startsWith(path.join('db', 'migrations'))) continue;
        const text = await readFile(path.join(ROOT, file), 'utf8');
        for (const [what, pattern] of WHO_RECEIVES) if (pattern.test(text)) found.push(`${file}: ${what}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the generic notification pipeline and the chat core know no notification kind of the fan-out', async () => {
    const found: string[] = [];
    for (const dir of ['src/notifications', 'src/chat']) {
      for (const file of await sources(dir)) {
        const text = await readFile(path.join(ROOT, file), 'utf8');
        for (const kind of ['job.alert', 'notice.published'])
          if (new RegExp(`['"\`]${kind.replace('.', '\\.')}['"\`:]`).test(text))
            found.push(`${file}: ${kind}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the rules above would catch a violation (self-check)', async () => {
    expect(PLATFORM_SDK.test('@line/bot-sdk')).toBe(true);
    expect(PLATFORM_SDK.test('discord.js')).toBe(true);
    expect(STORAGE_LIBS.test('@mikro-orm/core')).toBe(true);
    expect(STORAGE_LIBS.test('pglite-helpers')).toBe(false);
    expect(await importsOf('src/wiring/app.ts')).toContain('commands/index.ts');
    const caught = (sql: string) => WHO_RECEIVES.filter(([, p]) => p.test(sql)).map(([what]) => what);
    expect(caught(`select 1 from users u left join alert_preferences ap on ap.user_id = u.id`)).toEqual([
      'the alert preferences join',
    ]);
    expect(caught(`not coalesce(ap.paused, false) and ap.skills && j.skills`)).toEqual([
      'an alert-match predicate',
    ]);
    expect(caught(`array_position(array['line', 'slack', 'discord', 'console'], p)`)).toEqual([
      'the platform fallback order',
    ]);
    expect(caught(`const ORDER = ['line', 'slack', 'discord', 'console'];`)).toEqual([
      'the platform fallback order',
    ]);
    expect(caught(`n.audience_role is null or n.audience_role = any(?)`)).toEqual(["a notice's audience"]);
    expect(caught(`j.openings > (select count(*) from applications a)`)).toEqual([
      'whether a job takes applications',
    ]);
    expect(caught(`if (taken >= job.openings) throw`)).toEqual(['whether a job takes applications']);
  });
});
