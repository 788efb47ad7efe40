/**
 * The after-hours auto-reply (docs/domain.md §2.9): a customer who writes while the desk is closed
 * (a new inquiry or a message) is told once when it opens again and which numbers to call if it is
 * urgent. Once per inquiry per closed period: the period is named by its next opening, which is in
 * the notification's dedupe key, so a second message that night finds the row already there.
 */
import type { Actor } from '../actor.ts';
import type { Tx } from '../tx.ts';
import { type DeskSettings, isOpen, nextOpening } from './calendar.ts';

/** Queues the auto-reply when the desk is closed at `now`; true when it was queued just now. */
export async function replyAfterHours(
  tx: Tx,
  desk: DeskSettings,
  actor: Actor,
  inquiryId: number,
  now: Date,
): Promise<boolean> {
  if (isOpen(desk.calendar, now)) return false;
  const opensAt = nextOpening(desk.calendar, now).toISOString();
  return tx.notify({
    type: 'inquiry.after_hours',
    recipientUserId: actor.userId,
    payload: { inquiryId, opensAt, phones: [...desk.urgentPhones] },
    dedupeKey: `inquiry.after_hours:${inquiryId}:${opensAt}`,
  });
}
