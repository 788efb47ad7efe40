/**
 * Layer boundaries (docs/architecture.md §7): core knows no platform SDK, ORM or queue library except in the
 * wiring module; commands never see platforms or the ORM; adapters hold no store access; only
 * src/config.ts reads the environment. The repository documents itself: comments cite docs/*.md,
 * never a design document a clone does not have, and every section they cite exists.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
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

  it('only the bot core decides whether an event was seen before: no adapter or command touches inbound events', async () => {
    const callers: string[] = [];
    for (const dir of ['adapters', 'commands']) {
      for (const file of await sources(dir)) {
        if (/\binboundEvents\b|\bmarkSeen\b/.test(await readFile(path.join(ROOT, file), 'utf8')))
          callers.push(file);
      }
    }
    expect(callers).toEqual([]);
    // The core's one user of the store's inbound events is src/chat/inbound.ts (and the Bot it serves).
    const core: string[] = [];
    for (const file of await sources('src')) {
      if (file === path.join('src', 'store.ts') || file === path.join('src', 'chat', 'inbound.ts')) continue;
      if (/\.inboundEvents\b|\bmarkSeen\(/.test(await readFile(path.join(ROOT, file), 'utf8')))
        core.push(file);
    }
    expect(core).toEqual([path.join('src', 'chat', 'bot.ts')]);
  });

  it('roles and platforms are domain terms: src/domain defines them, config.ts only reads them', async () => {
    const config = await readFile(path.join(ROOT, 'src', 'config.ts'), 'utf8');
    expect(config).not.toMatch(/export (const|type) (ROLES|Role|PLATFORMS|Platform)\b/);
    expect(await readFile(path.join(ROOT, 'src', 'domain', 'roles.ts'), 'utf8')).toMatch(
      /export const ROLES/,
    );
    expect(await readFile(path.join(ROOT, 'src', 'domain', 'platforms.ts'), 'utf8')).toMatch(
      /export const PLATFORMS/,
    );
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

// ---- Documentation citations -------------------------------------------------------------------

/** Never scanned: dependencies, git metadata, and what the app or tools write into the checkout. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.data', 'scratch', 'coverage']);
const MAX_SCANNED_BYTES = 2 * 1024 * 1024;

/** Every text file of the checkout (relative paths), outside SKIP_DIRS; binaries are left out. */
async function walkTextFiles(dir = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) found.push(...(await walkTextFiles(rel)));
    } else if (entry.isFile() && (await stat(path.join(ROOT, rel))).size <= MAX_SCANNED_BYTES) {
      const bytes = await readFile(path.join(ROOT, rel));
      if (!bytes.subarray(0, 8000).includes(0)) found.push(rel);
    }
  }
  return found;
}

let scanned: Promise<{ file: string; text: string }[]> | undefined;
/** The text files with their contents, read once for every test below. */
function textFiles(): Promise<{ file: string; text: string }[]> {
  scanned ??= walkTextFiles().then((files) =>
    Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(ROOT, file), 'utf8') }))),
  );
  return scanned;
}

/**
 * Names of design documents that live outside the repository (DOMAIN, PLATFORMS, ARCHITECTURE and
 * STYLE, each `.md`, in any case) cited without `docs/` in front: the repository's own pages are
 * docs/*.md, and a clone has nothing else.
 */
function bareDocNames(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b(?:domain|platforms|architecture|style)\.md\b/gi)) {
    if (text.slice(Math.max(0, (m.index ?? 0) - 5), m.index) !== 'docs/') found.push(m[0]);
  }
  return found;
}

/** The section markers (`§1`, `§1.3`) and heading texts of a Markdown page, code blocks skipped. */
function headingsOf(markdown: string): { sections: string[]; titles: string[] } {
  const sections: string[] = [];
  const titles: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    titles.push(heading[1] ?? '');
    for (const m of (heading[1] ?? '').matchAll(/§(\d+(?:\.\d+)*)/g)) sections.push(m[1] ?? '');
  }
  return { sections, titles };
}

interface Citation {
  doc: string;
  /** `1.3` for `§1.3`. */
  sections: string[];
  /** A heading named instead of numbered: `docs/platforms.md, LINE` or `docs/architecture.md, "Layout"`. */
  name?: string;
  /** Set when the citation cannot be checked as written (a range such as `§1.3–1.5`). */
  problem?: string;
}

/**
 * The citations of docs/*.md in `text`: `docs/domain.md §1.3`, `docs/domain.md §1.3–§1.5, §6`,
 * `docs/platforms.md, LINE`, `docs/architecture.md, "HTTP endpoints"`, or the page alone.
 */
function citationsIn(text: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(/docs\/([\w-]+)\.md/g)) {
    const doc = m[1] ?? '';
    const rest = text.slice((m.index ?? 0) + m[0].length);
    const numbered = /^(?:[ \t]*(?:,|and|or|–|-)?[ \t]*§\d+(?:\.\d+)*)+/.exec(rest);
    if (numbered) {
      const sections = [...numbered[0].matchAll(/§(\d+(?:\.\d+)*)/g)].map((s) => s[1] ?? '');
      const after = rest.slice(numbered[0].length);
      out.push({
        doc,
        sections,
        ...(/^[–-]\d/.test(after) ? { problem: 'a range must name both ends, e.g. §1.3–§1.5' } : {}),
      });
      continue;
    }
    const named = /^, (?:"([^"]+)"|([A-Z][A-Za-z0-9]*))/.exec(rest);
    out.push({ doc, sections: [], ...(named ? { name: named[1] ?? named[2] ?? '' } : {}) });
  }
  return out;
}

describe('documentation', () => {
  it('no file cites a design document outside the repository (DOMAIN, PLATFORMS, ARCHITECTURE, STYLE)', async () => {
    const found: string[] = [];
    for (const { file, text } of await textFiles()) {
      if (file.startsWith(`docs${path.sep}`)) continue;
      const names = bareDocNames(text);
      if (names.length > 0) found.push(`${file}: ${[...new Set(names)].join(', ')}`);
    }
    expect(found).toEqual([]);
  });

  it('every docs/<page>.md cited exists, with the § section or heading cited', async () => {
    const pages = new Map<string, ReturnType<typeof headingsOf>>();
    const docsDir = path.join(ROOT, 'docs');
    for (const name of await readdir(docsDir)) {
      if (name.endsWith('.md'))
        pages.set(name.slice(0, -3), headingsOf(await readFile(path.join(docsDir, name), 'utf8')));
    }
    const broken: string[] = [];
    let checked = 0;
    for (const { file, text } of await textFiles()) {
      for (const c of citationsIn(text)) {
        const page = pages.get(c.doc);
        const where = `${file}: docs/${c.doc}.md`;
        if (!page) {
          broken.push(`${where} does not exist`);
          continue;
        }
        if (c.problem) broken.push(`${where} ${c.sections.map((s) => `§${s}`).join(' ')}: ${c.problem}`);
        for (const s of c.sections) {
          checked++;
          if (!page.sections.includes(s)) broken.push(`${where} has no heading §${s}`);
        }
        if (c.name !== undefined && !page.titles.some((t) => t.includes(c.name ?? ''))) {
          broken.push(`${where} has no heading "${c.name}"`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('each § marker names one heading of its page', async () => {
    const docsDir = path.join(ROOT, 'docs');
    const twice: string[] = [];
    for (const name of await readdir(docsDir)) {
      if (!name.endsWith('.md')) continue;
      const { sections } = headingsOf(await readFile(path.join(docsDir, name), 'utf8'));
      for (const s of new Set(sections))
        if (sections.filter((x) => x === s).length > 1) twice.push(`${name} §${s}`);
    }
    expect(twice).toEqual([]);
  });

  it('the citation rules above would catch a violation (self-check)', () => {
    const brief = ['DOMAIN', 'md'].join('.');
    expect(bareDocNames(`see ${brief} §3.1`)).toEqual([brief]);
    expect(bareDocNames(`see ../shared/design/${brief}`)).toEqual([brief]);
    expect(bareDocNames(`see docs/${brief.toLowerCase()} §3.1`)).toEqual([]);
    const page = 'docs/domain.md';
    expect(citationsIn(`(${page} §1.3–§1.5, §6)`)).toEqual([
      { doc: 'domain', sections: ['1.3', '1.5', '6'] },
    ]);
    expect(citationsIn(`(${page} §1.3–1.5)`)[0]?.problem).toBeDefined();
    expect(citationsIn(`(docs/platforms.md, LINE)`)).toEqual([
      { doc: 'platforms', sections: [], name: 'LINE' },
    ]);
    expect(headingsOf('# T\n```\n# §9 not a heading\n```\n## §2 Two\n### §2.1 Sub').sections).toEqual([
      '2',
      '2.1',
    ]);
  });
});

describe('message catalogs', () => {
  it('each catalog file holds the keys of the prefix it is named after', async () => {
    const misplaced: string[] = [];
    for (const lang of ['ja', 'en']) {
      for (const file of await readdir(path.join(ROOT, 'src', 'i18n', lang))) {
        const prefix = file.replace(/\.ts$/, '');
        const text = await readFile(path.join(ROOT, 'src', 'i18n', lang, file), 'utf8');
        for (const m of text.matchAll(/^ {2}'([^']+)':/gm)) {
          if (!(m[1] ?? '').startsWith(`${prefix}.`)) misplaced.push(`${lang}/${file}: ${m[1]}`);
        }
      }
    }
    expect(misplaced).toEqual([]);
  });
});
