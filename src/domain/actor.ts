/** Who is acting, and the checks every service method starts with. */

import { UserError } from '../errors.ts';
import type { Role } from './roles.ts';

export interface Actor {
  userId: number;
  roles: readonly Role[];
  /** The company a customer or client belongs to; null for workers and staff. */
  companyId: number | null;
}

export const isStaff = (actor: Actor) => actor.roles.includes('staff') || actor.roles.includes('admin');

/** Refuses with `forbidden` unless the actor holds one of `roles` (admins hold every staff power). */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  const effective = actor.roles.includes('admin') ? [...actor.roles, 'staff' as const] : actor.roles;
  if (!roles.some((r) => effective.includes(r))) throw new UserError('forbidden');
}

export function requireStaff(actor: Actor): void {
  requireRole(actor, 'staff', 'admin');
}
