/**
 * Who may use the support desk: customers within their own company, and staff (admins included) for
 * every company. Workers and clients have no business here, even a client with a company.
 */
import { UserError } from '../../errors.ts';
import { type Actor, isStaff } from '../actor.ts';
import type { Tx } from '../tx.ts';
import type { CompanyStaffRole, InquiryRecord } from './records.ts';

/** The company a customer acts for; null for staff (who see every company). Refuses anyone else. */
export function deskScope(actor: Actor): { companyId: number } | null {
  if (isStaff(actor)) return null;
  if (actor.roles.includes('customer') && actor.companyId !== null) return { companyId: actor.companyId };
  throw new UserError('forbidden');
}

/**
 * The inquiry if the actor may see it. Another company's inquiry reads as not found: inquiry ids
 * are short and sequential, so a refusal would confirm that the number exists.
 */
export async function visibleInquiry(
  tx: Tx,
  actor: Actor,
  id: number,
  options: { lock?: boolean } = {},
): Promise<InquiryRecord> {
  const scope = deskScope(actor);
  const inquiry = options.lock ? await tx.support.inquiries.lock(id) : await tx.support.inquiries.get(id);
  if (!inquiry || (scope && scope.companyId !== inquiry.companyId)) {
    throw new UserError('support.inquiry_not_found', { id });
  }
  return inquiry;
}

/** User ids of the staff assigned to a company in the given roles, without duplicates. */
export async function assignedStaff(
  tx: Tx,
  companyId: number,
  roles: readonly CompanyStaffRole[],
): Promise<number[]> {
  const rows = await tx.support.companyStaff.find({ companyId, role: roles });
  return [...new Set(rows.map((r) => r.userId))];
}
