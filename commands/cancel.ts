/**
 * キャンセル / cancel. Inside a guided flow the flow engine takes it (it leaves the flow) before any
 * command runs; reaching this command means there was nothing in progress.
 */
import type { Command } from '../src/chat/command.ts';
import { text } from '../src/chat/types.ts';

export const cancel: Command = {
  name: 'cancel',
  aliases: { ja: ['キャンセル', 'やめる', '中止'], en: ['cancel', 'stop'] },
  summary: 'cmd.cancel.summary',
  async run({ t }) {
    return { blocks: [text(t('flow.nothing_to_cancel'))] };
  },
};
