/**
 * Discord application commands generated from the command registry, so they never drift from what
 * the bot understands: one top-level command per group (`/work`, `/staff`, `/support`, `/market`,
 * `/account`), one subcommand per command (≤ 25 per group, docs/platforms.md §3.7), each with an optional
 * `args` text option — the same words one would type after the command elsewhere — autocompleted
 * with job ids and team slugs where that helps. Names and descriptions carry Japanese localizations.
 */
import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Command } from '../../src/chat/command.ts';
import { t } from '../../src/i18n/index.ts';
import { clip } from '../shared/text.ts';

export type CommandGroups = Readonly<Record<string, readonly Command[]>>;

/** Subcommands whose argument is a job id / a team slug: offered as you type. */
export const JOB_ARGUMENT = new Set(['job', 'apply', 'applicants', 'close-job', 'cancel-job', 'ask-job']);
export const TEAM_ARGUMENT = new Set(['team', 'team-edit', 'team-invite', 'team-leave', 'team-discord']);

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** A slash command as registered (PUT applications/{id}/commands); ours always have options. */
export type ApplicationCommand = RESTPostAPIChatInputApplicationCommandsJSONBody & {
  options: APIApplicationCommandOption[];
};

const GROUP_DESCRIPTION: Record<string, { en: string; ja: string }> = {
  work: {
    en: 'Work portal: jobs, applications, delivery, invoices',
    ja: '在宅業務: 募集案件・応募・納品・請求',
  },
  staff: { en: 'Work portal for staff: post jobs, review, pay', ja: '業務管理: 募集案件の登録・検収・支払' },
  support: { en: 'Support desk: inquiries', ja: '問い合わせ窓口' },
  market: {
    en: 'Marketplace: messages, follows, teams, profiles',
    ja: 'マーケットプレイス: メッセージ・チーム・プロフィール',
  },
  account: { en: 'Account, language and help', ja: 'アカウント・言語・ヘルプ' },
};

/**
 * `/bot text:<anything>`: whatever one would type to the bot elsewhere, in either language: the
 * answers to a guided flow's questions, and any command by any of its names (HTTP interactions
 * cannot read plain channel messages without the privileged Gateway intent).
 */
export const FREE_TEXT_COMMAND = 'bot';

const freeText: ApplicationCommand = {
  name: FREE_TEXT_COMMAND,
  type: ApplicationCommandType.ChatInput,
  description: 'Say anything to the bot: a command in any language, or an answer',
  description_localizations: { ja: 'ボットに送る内容(コマンドや質問への回答)' },
  dm_permission: true,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'text',
      name_localizations: { ja: '内容' },
      description: 'e.g. ヘルプ, jobs 2, 12,000円',
      required: false,
    },
    {
      // ATTACHMENT: a photo or document for the step that asks for files (deliveries, inquiries).
      type: ApplicationCommandOptionType.Attachment,
      name: 'file',
      name_localizations: { ja: 'ファイル' },
      description: 'A file to send with it',
      required: false,
    },
  ],
};

/** Discord's limit of subcommands per command. */
const SUBCOMMANDS = 25;

export function applicationCommands(groups: CommandGroups): ApplicationCommand[] {
  return [...groupCommands(groups), freeText];
}

function groupCommands(groups: CommandGroups): ApplicationCommand[] {
  // A command holds at most 25 subcommands: a larger group continues in `/market2`, `/market3`…
  // (the subcommand alone decides what runs, so the part it is in does not matter).
  const parts = Object.entries(groups).flatMap(([group, commands]) =>
    Array.from({ length: Math.ceil(commands.length / SUBCOMMANDS) }, (_, i) => ({
      group,
      name: i === 0 ? group : `${group}${i + 1}`,
      part: i,
      commands: commands.slice(i * SUBCOMMANDS, (i + 1) * SUBCOMMANDS),
    })),
  );
  return parts.map(({ group, name, part, commands }): ApplicationCommand => {
    const d = GROUP_DESCRIPTION[group] ?? { en: group, ja: group };
    const more = part === 0 ? { en: '', ja: '' } : { en: ` (${part + 1})`, ja: `(${part + 1})` };
    return {
      name,
      type: ApplicationCommandType.ChatInput,
      description: `${d.en}${more.en}`,
      description_localizations: { ja: `${d.ja}${more.ja}` },
      dm_permission: true,
      options: commands.map((c) => {
        if (!NAME.test(c.name) || c.name !== c.name.toLowerCase())
          throw new Error(`"${c.name}" is not a Discord name`);
        // Localized names follow the same rule, lower case included ("チームDiscord" would be refused).
        const ja = c.aliases.ja.find((a) => NAME.test(a) && a === a.toLowerCase());
        return {
          type: ApplicationCommandOptionType.Subcommand,
          name: c.name,
          ...(ja ? { name_localizations: { ja } } : {}),
          // Descriptions are short on purpose: a command's names and descriptions share 8,000 characters.
          description: clip(t('en', c.summary), 60),
          description_localizations: { ja: clip(t('ja', c.summary), 60) },
          options: [
            {
              type: ApplicationCommandOptionType.String,
              name: 'args',
              name_localizations: { ja: '内容' },
              description: 'What you would type after the command',
              description_localizations: { ja: 'コマンドに続けて入力する内容' },
              required: false,
              ...(JOB_ARGUMENT.has(c.name) || TEAM_ARGUMENT.has(c.name) ? { autocomplete: true } : {}),
            },
          ],
        };
      }),
    };
  });
}

/** Characters Discord counts against a command's 8,000 (names, descriptions, values; localizations included to be safe). */
export function commandSize(command: ApplicationCommand): number {
  let n = command.name.length + command.description.length;
  // Localization maps may hold null for a locale (none of ours do): it counts nothing.
  const size = (map: Readonly<Record<string, string | null | undefined>> | null | undefined) =>
    Object.values(map ?? {}).reduce((sum, v) => sum + (v?.length ?? 0), 0);
  n += size(command.description_localizations);
  for (const sub of command.options) {
    n += sub.name.length + sub.description.length;
    if (!('options' in sub) || !Array.isArray(sub.options)) continue;
    n += size(sub.name_localizations);
    n += size(sub.description_localizations);
    for (const o of sub.options) {
      n += o.name.length + o.description.length;
      n += size(o.description_localizations);
    }
  }
  return n;
}

interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: InteractionOption[];
}

/** The typed line a slash command stands for: `/work apply args:12` → `apply 12`. */
export function commandLine(data: { name: string; options?: InteractionOption[] }): {
  subcommand: string;
  args: string;
  focused: boolean;
} {
  if (data.name === FREE_TEXT_COMMAND) {
    const text = String(data.options?.find((o) => o.name === 'text')?.value ?? '').trim();
    return { subcommand: '', args: text, focused: false };
  }
  const sub = data.options?.find((o) => o.type === 1);
  if (!sub) return { subcommand: data.name, args: '', focused: false };
  const arg = sub.options?.find((o) => o.name === 'args');
  return { subcommand: sub.name, args: String(arg?.value ?? '').trim(), focused: arg?.focused === true };
}
