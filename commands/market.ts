/** Commands of the marketplace (docs/domain.md §3), one file per area, in the order help lists them. */
import type { Command } from '../src/chat/command.ts';
import { careerCommands } from './market-career.ts';
import { messageCommands } from './market-messages.ts';
import { peopleCommands } from './market-people.ts';
import { profileItemCommands } from './market-profile-items.ts';
import { profileCommands } from './market-profiles.ts';
import { teamCommands } from './market-teams.ts';
import { workerSearchCommands } from './market-workers.ts';

export const marketCommands: readonly Command[] = [
  ...messageCommands,
  ...teamCommands,
  ...peopleCommands,
  ...profileCommands,
  ...profileItemCommands,
  ...careerCommands,
  ...workerSearchCommands,
];
