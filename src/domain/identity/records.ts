/** Users, their platform identities, link codes and invitations (docs/domain.md §4). */

import type { Locale } from '../../i18n/index.ts';
import type { Platform } from '../platforms.ts';
import type { Role } from '../roles.ts';

export interface UserRow {
  id: number;
  displayName: string;
  locale: Locale;
  roles: Role[];
  companyId: number | null;
  createdAt: Date;
  updatedAt: Date;
}
export type NewUser = Pick<UserRow, 'displayName' | 'locale' | 'roles'> & Partial<Pick<UserRow, 'companyId'>>;

export interface IdentityRecord {
  id: number;
  userId: number;
  platform: Platform;
  workspace: string;
  externalId: string;
  unreachableAt: Date | null;
  linkFailures: number;
  linkLockedAt: Date | null;
  createdAt: Date;
}
export type NewIdentity = Pick<IdentityRecord, 'userId' | 'platform' | 'workspace' | 'externalId'>;

export interface LinkCodeRecord {
  id: number;
  userId: number;
  codeHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}
export type NewLinkCode = Pick<LinkCodeRecord, 'userId' | 'codeHash' | 'expiresAt'>;

export interface InvitationRecord {
  id: number;
  codeHash: string;
  role: Role;
  companyId: number | null;
  createdBy: number | null;
  expiresAt: Date;
  usedBy: number | null;
  usedAt: Date | null;
  createdAt: Date;
}
export type NewInvitation = Pick<
  InvitationRecord,
  'codeHash' | 'role' | 'companyId' | 'createdBy' | 'expiresAt'
>;
