import type { Command } from '../src/chat/command.ts';
import { type Block, text } from '../src/chat/types.ts';

/** Lists only the commands the user's roles allow, in their language, with their aliases. */
export const help: Command = {
  name: 'help',
  aliases: { ja: ['ヘルプ', '使い方', 'メニュー'], en: ['help', 'menu', '?'] },
  summary: 'cmd.help.summary',
  async run({ t, locale, available }) {
    const commands = available();
    const blocks: Block[] = [
      {
        type: 'list',
        title: t('help.title'),
        items: commands.map((c) => {
          const primary = c.aliases[locale][0] ?? c.name;
          const others = [...c.aliases.ja, ...c.aliases.en].filter((a) => a !== primary);
          return {
            title: primary,
            description: `${t(c.summary)}\n${t('help.aliases', { aliases: others.join(t('common.separator')) })}`,
          };
        }),
      },
      text(t('help.footer')),
    ];
    return {
      blocks,
      // LINE shows at most 13 quick replies: the first commands of the list, and always the
      // language switch (someone who cannot read this language must be able to change it).
      quickReplies: [
        ...commands.filter((c) => c.name !== 'help' && c.name !== 'lang').slice(0, 11),
        ...commands.filter((c) => c.name === 'lang'),
      ].map((c) => ({ label: c.aliases[locale][0] ?? c.name, payload: c.name })),
    };
  },
};
