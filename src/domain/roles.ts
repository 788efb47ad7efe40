/**
 * Who someone is in the product (docs/domain.md §4.1): a worker (在宅ワーカー), a client who posts jobs,
 * support staff, a store's customer, or an admin. One person may hold several roles.
 */
export const ROLES = ['worker', 'client', 'staff', 'customer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
