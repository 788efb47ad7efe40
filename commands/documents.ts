/**
 * FAQ (よくある質問), 利用規約, 個人情報の取り扱い, and the call centre and category notes of
 * 基本情報 (`support.*.md`): texts the operator configures, as Markdown files
 * `<name>.<ja|en>.md` in `CONTENT_DIR` (default: the repository's `content/`, README "Configuration").
 * Each `## heading` is one entry; the text under it is its answer. A file missing in the person's
 * language falls back to Japanese.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, text } from '../src/chat/types.ts';
import { UserError } from '../src/errors.ts';
import { translateRaw } from '../src/i18n/index.ts';
import { orderTerms } from './work-compliance.ts';

const BUILT_IN = fileURLToPath(new URL('../content/', import.meta.url));
/** An entry's text in a list item, at most (the whole file is there for the operator to shorten). */
const ENTRY_MAX = 1500;

type Doc = 'faq' | 'terms' | 'privacy' | 'support';

export async function readDoc(ctx: CommandContext, doc: Doc): Promise<string> {
  const dir = ctx.services.config.contentDir ?? BUILT_IN;
  for (const locale of [ctx.locale, 'ja']) {
    try {
      return await readFile(path.join(dir, `${doc}.${locale}.md`), 'utf8');
    } catch {
      // try the next language
    }
  }
  throw new UserError('documents.missing');
}

/** `## heading` + body entries; text before the first heading is an introduction. */
export function entries(markdown: string): { intro: string; items: { title: string; body: string }[] } {
  const items: { title: string; body: string }[] = [];
  const intro: string[] = [];
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    const heading = /^#{1,3}\s+(.+)$/.exec(line);
    if (heading) items.push({ title: (heading[1] ?? '').trim(), body: '' });
    else if (items.length === 0) intro.push(line);
    else {
      const last = items.at(-1);
      if (last) last.body = `${last.body}\n${line}`.trim();
    }
  }
  return { intro: intro.join('\n').trim(), items };
}

function documentCommand(
  doc: Doc,
  names: Command['aliases'],
  title: Parameters<CommandContext['t']>[0],
): Command {
  return {
    name: doc,
    aliases: names,
    summary: `cmd.${doc}.summary` as Command['summary'],
    async run(ctx) {
      const { intro, items } = entries(await readDoc(ctx, doc));
      const blocks: Block[] = [];
      if (intro) blocks.push(text(intro));
      if (items.length > 0)
        blocks.push({
          type: 'list',
          title: translateRaw(ctx.locale, title),
          items: items.map((e) => ({
            title: e.title,
            description:
              [...e.body].length > ENTRY_MAX ? `${[...e.body].slice(0, ENTRY_MAX).join('')}…` : e.body,
          })),
        });
      if (blocks.length === 0) throw new UserError('documents.missing');
      return { blocks };
    },
  };
}

export const faq = documentCommand(
  'faq',
  { ja: ['FAQ', 'よくある質問'], en: ['faq', 'questions'] },
  'documents.faq',
);
const termsOfUse = documentCommand('terms', { ja: ['利用規約', '規約'], en: ['terms'] }, 'documents.terms');
/**
 * `terms` alone is the terms of use; `terms 12` (a number) is the terms of an order, 取引条件
 * (docs/domain.md §1.4), which English speakers also call terms.
 */
export const terms: Command = {
  ...termsOfUse,
  run(ctx) {
    const first = ctx.args[0];
    return first !== undefined && /^(?:#|no\.?)?\d{1,9}$/i.test(first)
      ? orderTerms.run(ctx)
      : termsOfUse.run(ctx);
  },
};
export const privacy = documentCommand(
  'privacy',
  { ja: ['個人情報の取り扱い', 'プライバシーポリシー', '個人情報'], en: ['privacy', 'privacy-policy'] },
  'documents.privacy',
);
