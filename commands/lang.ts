import type { Command } from '../src/chat/command.ts';
import { text } from '../src/chat/types.ts';
import { isLocale, type Locale, t } from '../src/i18n/index.ts';

const WORDS: Record<string, Locale> = {
  ja: 'ja',
  jp: 'ja',
  japanese: 'ja',
  日本語: 'ja',
  にほんご: 'ja',
  en: 'en',
  english: 'en',
  英語: 'en',
  えいご: 'en',
};

/** Sets the user's language; it follows them on every platform they link. */
export const lang: Command = {
  name: 'lang',
  aliases: { ja: ['言語', '言語設定'], en: ['lang', 'language'] },
  summary: 'cmd.lang.summary',
  async run({ args, user, services, t: tr }) {
    const word = args[0]?.toLowerCase();
    const target = word === undefined ? undefined : (WORDS[word] ?? (isLocale(word) ? word : undefined));
    if (!target) {
      return {
        blocks: [text(tr('lang.usage'))],
        quickReplies: [
          { label: '日本語', payload: 'lang ja' },
          { label: 'English', payload: 'lang en' },
        ],
      };
    }
    await services.store.users.setLocale(user.id, target);
    return { blocks: [text(t(target, 'lang.changed'))], locale: target };
  },
};
