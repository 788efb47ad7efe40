/** Every conversational command, in the order help lists them. Add a command here to ship it. */
import type { Command } from '../src/chat/command.ts';
import { accountCommands } from './account.ts';
import { cancel } from './cancel.ts';
import { help } from './help.ts';
import { jobs } from './jobs.ts';
import { lang } from './lang.ts';
import { marketCommands } from './market.ts';
import { supportCommands } from './support.ts';
import { staffCommands } from './work-staff.ts';
import { workerCommands } from './work-worker.ts';

export const allCommands: readonly Command[] = [
  jobs,
  ...workerCommands,
  ...staffCommands,
  ...supportCommands,
  ...marketCommands,
  ...accountCommands,
  lang,
  cancel,
  help,
];
