/**
 * The role lists the portals' commands are open to, each written once: marketplace members and
 * conversation participants, staff (admins act as staff everywhere), and who works at the support
 * desk. A command open to one role, or an unusual mix, names its roles itself.
 */
import type { Role } from '../src/domain/roles.ts';

/** Who follows, owns teams and profiles: the marketplace's members. */
export const MEMBERS: readonly Role[] = ['worker', 'client'];
/** Who takes part in conversations (the message service's own set; admins act as staff). */
export const PARTICIPANTS: readonly Role[] = ['worker', 'client', 'staff', 'admin'];
/** Staff, and admins who act as staff. */
export const STAFF: readonly Role[] = ['staff', 'admin'];
/** Who works at the support desk: customers within their company, staff (and admins) for every company. */
export const DESK_ROLES: readonly Role[] = ['customer', 'staff', 'admin'];
