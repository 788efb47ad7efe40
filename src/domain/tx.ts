/**
 * One database transaction as domain services see it. Everything written through a `Tx` (domain rows,
 * outbox rows, audit rows) commits or rolls back together (docs/architecture.md §4.3).
 */
import type { AudienceTables } from './audience/ports.ts';
import type {
  IdentityCheckRecord,
  IdentityDocumentRecord,
  NdaAgreementRecord,
  NewIdentityCheck,
  NewIdentityDocument,
  NewNdaAgreement,
} from './checks/records.ts';
import type {
  IdentityRecord,
  InvitationRecord,
  LinkCodeRecord,
  NewIdentity,
  NewInvitation,
  NewLinkCode,
  NewUser,
  UserRow,
} from './identity/records.ts';
import type { MarketTables } from './market/ports.ts';
import type {
  CompanyRecord,
  FileRecord,
  NewAudit,
  NewCompany,
  NewFile,
  NewOutbox,
  NotificationType,
} from './shared.ts';
import type { SupportTables } from './support/ports.ts';
import type { Table } from './table.ts';
import type { WorkTables } from './work/ports.ts';

export interface Tx {
  users: Table<UserRow, NewUser>;
  identities: Table<IdentityRecord, NewIdentity>;
  linkCodes: Table<LinkCodeRecord, NewLinkCode>;
  invitations: Table<InvitationRecord, NewInvitation>;
  companies: Table<CompanyRecord, NewCompany>;
  files: Table<FileRecord, NewFile>;
  identityChecks: Table<IdentityCheckRecord, NewIdentityCheck>;
  identityDocuments: Table<IdentityDocumentRecord, NewIdentityDocument>;
  ndaAgreements: Table<NdaAgreementRecord, NewNdaAgreement>;
  /**
   * People whose display name contains `part` (NFKC, case and spaces ignored), holding one of `roles`
   * when given; by id, at most `limit`.
   */
  usersNamed(
    part: string,
    roles: readonly string[] | null,
    limit: number,
  ): Promise<{ id: number; displayName: string }[]>;
  /** Queues a notification; `false` when a row with the same dedupe key already exists. */
  notify<T extends NotificationType>(row: NewOutbox<T>): Promise<boolean>;
  audit(row: NewAudit): Promise<void>;
  /** Who receives what: fan-outs and audiences (src/domain/audience/). */
  audience: AudienceTables;
  work: WorkTables;
  support: SupportTables;
  market: MarketTables;
}

export interface UnitOfWork {
  /** Runs `fn` in one transaction; a thrown error rolls everything back. */
  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs read-only `fn` without opening a transaction (no BEGIN/COMMIT round trips), for lists and
   * searches. Writes and locks are not allowed here.
   */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}
