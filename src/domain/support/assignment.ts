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
