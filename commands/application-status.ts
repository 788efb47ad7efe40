/**
 * An application's status as the work portal names it (`応募済み`, `採用`, `作業中`, …), for the
 * worker's, the reviewer's and the staff's commands alike.
 */
import type { CommandContext } from '../src/chat/command.ts';
import type { ApplicationStatus } from '../src/domain/work/records.ts';

export const statusLabel = (ctx: CommandContext, status: ApplicationStatus) =>
  ctx.t(`application.status.${status}`);
