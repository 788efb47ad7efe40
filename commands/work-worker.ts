/** Commands: work-worker (filled in by the commands work). */
import type { Command } from '../src/chat/command.ts';

export const workerCommands: readonly Command[] = [];
