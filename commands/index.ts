/** Every conversational command, in the order help lists them. Add a command here to ship it. */
import type { Command } from '../src/chat/command.ts';
import { accountCommands } from './account.ts';
import { cancel } from './cancel.ts';
import { checksCommands } from './checks.ts';
import { faq, privacy, terms } from './documents.ts';
import { help } from './help.ts';
import { home } from './home.ts';
import { jobs } from './jobs.ts';
import { lang } from './lang.ts';
import { marketCommands } from './market.ts';
import { supportCommands } from './support.ts';
import { staffCommands } from './work-staff.ts';
import { workerCommands } from './work-worker.ts';

/** The commands by area: Discord's `/work`, `/staff`, … (each ≤ 25 subcommands) and help's order. */
export const commandGroups = {
  work: [jobs, ...workerCommands],
  staff: staffCommands,
  support: supportCommands,
  market: marketCommands,
  account: [home, ...accountCommands, ...checksCommands, lang, cancel, help, faq, terms, privacy],
} as const satisfies Record<string, readonly Command[]>;

export const allCommands: readonly Command[] = Object.values(commandGroups).flat();
