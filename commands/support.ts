/** Commands: support (filled in by the commands work). */
import type { Command } from '../src/chat/command.ts';

export const supportCommands: readonly Command[] = [];
