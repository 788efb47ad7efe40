/**
 * ヘルプ / help: a short menu of what the user's roles allow, grouped by portal (one line of command
 * names per group), with `ヘルプ <command>` for one command's summary and other names. `ホーム` is the
 * place to start; the menu says so.
 */
import type { Command } from '../src/chat/command.ts';
import { normalizeInput } from '../src/chat/normalize.ts';
import { type Block, text } from '../src/chat/types.ts';

const GROUP_LABEL = {
  work: 'help.group.work',
  staff: 'help.group.staff',
  support: 'help.group.support',
  market: 'help.group.market',
  account: 'help.group.account',
} as const;

export const help: Command = {
  name: 'help',
  aliases: { ja: ['ヘルプ', '使い方', 'メニュー'], en: ['help', 'menu', '?'] },
  summary: 'cmd.help.summary',
  async run({ t, locale, available, args }) {
    const commands = available();
    const primary = (c: Command) => c.aliases[locale][0] ?? c.name;
    // `ヘルプ 応募`: one command, with what it does and its other names.
    const asked = args.join(' ').trim();
    if (asked !== '') {
      const key = normalizeInput(asked).toLowerCase();
      const found = commands.find((c) =>
        [c.name, ...c.aliases.ja, ...c.aliases.en].some((a) => normalizeInput(a).toLowerCase() === key),
      );
      if (found) {
        const others = [...found.aliases.ja, ...found.aliases.en].filter((a) => a !== primary(found));
        return {
          blocks: [
            {
              type: 'card',
              title: primary(found),
              body: `${t(found.summary)}\n${t('help.aliases', { aliases: others.join(t('common.separator')) })}`,
              fields: [],
            },
          ],
        };
      }
    }
    // The whole menu: one line per group the user has commands in (the registry's groups).
    const { commandGroups } = await import('./index.ts');
    const allowed = new Set(commands.map((c) => c.name));
    const items = Object.entries(commandGroups).flatMap(([group, list]) => {
      const names = list.filter((c) => allowed.has(c.name)).map(primary);
      return names.length === 0
        ? []
        : [
            {
              title: t(GROUP_LABEL[group as keyof typeof GROUP_LABEL]),
              description: names.join(t('help.joiner')),
            },
          ];
    });
    const blocks: Block[] = [
      { type: 'list', title: t('help.title'), items },
      text(`${t('help.footer')}\n${t('help.more')}`),
    ];
    return {
      blocks,
      // LINE shows at most 13 quick replies: home first, the first commands of the list, and always the
      // language switch (someone who cannot read this language must be able to change it).
      quickReplies: [
        ...commands.filter((c) => c.name === 'home'),
        ...commands.filter((c) => c.name !== 'help' && c.name !== 'lang' && c.name !== 'home').slice(0, 10),
        ...commands.filter((c) => c.name === 'lang'),
      ].map((c) => ({ label: primary(c), payload: c.name })),
    };
  },
};
