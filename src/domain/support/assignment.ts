/**
 * Round-robin assignment (docs/domain.md §2.10): in a category that asks for it, a new inquiry goes
 * to the next of the company's support members (§2.1) who is on duty, in turn by user id after the
 * one who had the last turn. On duty: said 勤務開始 since the desk last closed, and the desk is open
 * now. The turn is a locked row per company, so concurrent inquiries on any process take turns.
 */
import type { Tx } from '../tx.ts';
import { type DeskCalendar, isOpen, previousClosing } from './calendar.ts';

/** The support member whose turn it is (the turn is taken); null when nobody is on duty. */
export async function roundRobinAssignee(
  tx: Tx,
  cal: DeskCalendar,
  companyId: number,
  now: Date,
): Promise<number | null> {
  if (!isOpen(cal, now)) return null;
  const candidates = await tx.support.onDutySupport(companyId, previousClosing(cal, now));
  if (candidates.length === 0) return null;
  const last = await tx.support.lockRotation(companyId);
  const next = candidates.find((id) => last !== null && id > last) ?? (candidates[0] as number);
  await tx.support.setRotation(companyId, next);
  return next;
}

/**
 * Inquiries of round-robin categories that came while nobody was on duty (or the desk was closed)
 * take their turns once someone is: when a support member starts duty, and on each SLA sweep (so at
 * opening). Each assignee is told the inquiry is theirs, as the new-inquiry notification that names
 * them. Returns the inquiries assigned.
 */
export async function assignWaitingInTurn(tx: Tx, cal: DeskCalendar, now: Date): Promise<number[]> {
  if (!isOpen(cal, now)) return [];
  const assigned: number[] = [];
  for (const waiting of await tx.support.waitingForTurn(100)) {
    const assigneeId = await roundRobinAssignee(tx, cal, waiting.companyId, now);
    if (assigneeId === null || !(await tx.support.assignWaiting(waiting.id, assigneeId))) continue;
    const inquiry = await tx.support.inquiries.get(waiting.id);
    if (!inquiry) continue;
    await tx.audit({
      actorUserId: null,
      action: 'inquiry.assigned',
      subjectType: 'inquiry',
      subjectId: inquiry.id,
      data: { assigneeId, assignedBy: 'round_robin' },
    });
    await tx.notify({
      type: 'inquiry.created',
      recipientUserId: assigneeId,
      payload: {
        inquiryId: inquiry.id,
        companyId: inquiry.companyId,
        storeId: inquiry.storeId,
        categoryId: inquiry.categoryId,
        assigneeId,
      },
      dedupeKey: `inquiry.assigned:${inquiry.id}:${assigneeId}`,
    });
    assigned.push(inquiry.id);
  }
  return assigned;
}
