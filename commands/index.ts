/** Every conversational command, in the order help lists them. Add a command here to ship it. */
import type { Command } from '../src/chat/command.ts';
import { help } from './help.ts';
import { jobs } from './jobs.ts';
import { lang } from './lang.ts';

export const allCommands: readonly Command[] = [jobs, lang, help];
