import { describe, expect, it } from 'vitest';
import { allCommands } from '../commands/index.ts';
import type { Command } from '../src/chat/command.ts';
import { normalizeInput } from '../src/chat/normalize.ts';
import { Router } from '../src/chat/router.ts';

const router = new Router(allCommands);

describe('Router', () => {
  it.each([
    ['help', 'help'],
    ['ヘルプ', 'help'],
    ['HELP', 'help'],
    ['ｈｅｌｐ', 'help'],
    ['/help', 'help'],
    ['求人', 'jobs'],
    ['募集案件', 'jobs'],
    ['lang en', 'lang'],
    ['言語 日本語', 'lang'],
  ])('routes %s to %s', (input, name) => {
    const r = router.resolve(input);
    expect(r.kind).toBe('command');
    if (r.kind === 'command') expect(r.command.name).toBe(name);
  });

  it('normalizes full-width input and the ideographic space before splitting arguments', () => {
    expect(normalizeInput('　ｊｏｂｓ　＃１２ ')).toBe('jobs #12');
    const r = router.resolve('ｊｏｂｓ　２');
    expect(r).toMatchObject({ kind: 'command', args: ['2'] });
  });

  it('suggests close commands for a typo, only among those the user may run', () => {
    expect(router.resolve('jbos', ['worker'])).toMatchObject({ kind: 'unknown', suggestions: ['jobs'] });
    expect(router.resolve('jbos', [])).toMatchObject({ kind: 'unknown', suggestions: [] });
    expect(router.resolve('xyzzy')).toMatchObject({ kind: 'unknown', suggestions: [] });
    // A single character (e.g. a number typed when no numbered choice is shown) suggests nothing.
    expect(router.resolve('2', ['worker'])).toMatchObject({ kind: 'unknown', suggestions: [] });
  });

  it('says so for empty input', () => {
    expect(router.resolve('　 ')).toEqual({ kind: 'empty' });
  });

  it('refuses two commands that claim the same alias', () => {
    const a: Command = {
      name: 'a',
      aliases: { ja: ['同じ'], en: [] },
      summary: 'cmd.help.summary',
      run: async () => ({ blocks: [] }),
    };
    const b: Command = { ...a, name: 'b' };
    expect(() => new Router([a, b])).toThrow(/already used/);
  });

  it('gives every command names in both languages', () => {
    for (const c of allCommands) {
      expect(c.aliases.ja.length, c.name).toBeGreaterThan(0);
      expect(c.aliases.en.length, c.name).toBeGreaterThan(0);
    }
  });
});
