/**
 * Who hears about what on an inquiry (docs/domain.md §6.1), as outbox rows written in the change's own
 * transaction. One row per recipient per change; each dedupe key names the change and the recipient,
 * so a repeated change never notifies twice. The actor is never notified of their own change.
 */
import type { Actor } from '../actor.ts';
import type { NotificationMessage } from '../shared.ts';
import type { Tx } from '../tx.ts';
import { assignedStaff } from './access.ts';
import type { InquiryMessageRecord, InquiryRecord } from './records.ts';

async function send(
  tx: Tx,
  actor: Actor,
  message: NotificationMessage<'inquiry.created' | 'inquiry.message' | 'inquiry.status'>,
  recipients: readonly number[],
  change: string,
): Promise<number[]> {
  const notified: number[] = [];
  for (const recipientUserId of new Set(recipients)) {
    if (recipientUserId === actor.userId) continue;
    if (await tx.notify({ ...message, recipientUserId, dedupeKey: `${change}:${recipientUserId}` })) {
      notified.push(recipientUserId);
    }
  }
  return notified;
}

/**
 * A new inquiry goes to the company's support members and sales rep. With nobody assigned it goes to
 * no one here on purpose: every new inquiry also appears in the desk's Slack channel (docs/domain.md §2.4),
 * which is where unassigned companies are picked up; paging every staff user would drown them.
 */
export async function notifyCreated(tx: Tx, actor: Actor, inquiry: InquiryRecord): Promise<number[]> {
  const recipients = await assignedStaff(tx, inquiry.companyId, ['support', 'sales_rep']);
  const payload = {
    inquiryId: inquiry.id,
    companyId: inquiry.companyId,
    storeId: inquiry.storeId,
    categoryId: inquiry.categoryId,
    assigneeId: inquiry.assigneeId,
  };
  return send(tx, actor, { type: 'inquiry.created', payload }, recipients, `inquiry.created:${inquiry.id}`);
}

/**
 * A customer's message goes to the assignee, or to the company's support members while nobody has
 * taken the inquiry; a staff message goes to the customer who opened it.
 */
export async function notifyMessage(
  tx: Tx,
  actor: Actor,
  inquiry: InquiryRecord,
  message: InquiryMessageRecord,
  fromStaff: boolean,
): Promise<number[]> {
  let recipients: number[];
  if (fromStaff) recipients = [inquiry.createdBy];
  else if (inquiry.assigneeId !== null) recipients = [inquiry.assigneeId];
  else recipients = await assignedStaff(tx, inquiry.companyId, ['support']);
  const payload = { inquiryId: inquiry.id, messageId: message.id, authorId: message.authorId };
  return send(tx, actor, { type: 'inquiry.message', payload }, recipients, `inquiry.message:${message.id}`);
}

/**
 * A status change goes to the customer who opened the inquiry. Each status is reached once
 * (received → in_progress → completed), so the status names the change in the dedupe key.
 */
export async function notifyStatus(tx: Tx, actor: Actor, inquiry: InquiryRecord): Promise<number[]> {
  return send(
    tx,
    actor,
    {
      type: 'inquiry.status',
      payload: { inquiryId: inquiry.id, status: inquiry.status, assigneeId: inquiry.assigneeId },
    },
    [inquiry.createdBy],
    `inquiry.status:${inquiry.id}:${inquiry.status}`,
  );
}
