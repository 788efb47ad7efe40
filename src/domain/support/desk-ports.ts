/**
 * The desk's own tables as the domain sees them (docs/domain.md §2.8, §2.10): SLA facts and
 * alerts, duty, and each company's round-robin turn. Part of `tx.support` (ports.ts).
 */
import type { SlaAlertKind, SlaFacts, SlaTarget } from './sla.ts';

export interface SlaAlertKey {
  inquiryId: number;
  target: SlaTarget;
  kind: SlaAlertKind;
}

export interface DeskTables {
  /**
   * SLA facts of the given inquiries (any status), or of every inquiry not completed, by id; at
   * most `limit` (default 1,000).
   */
  slaFacts(filter: { inquiryIds?: readonly number[]; limit?: number }): Promise<SlaFacts[]>;
  /**
   * Records SLA alerts and returns those that were not recorded before: each is recorded once,
   * whichever process sees it first. A breach also records its target's warning (as said).
   */
  recordSlaAlerts(alerts: readonly SlaAlertKey[]): Promise<SlaAlertKey[]>;
  /** 勤務開始: on duty from `since`; false (and `since` kept) when already on duty. */
  startDuty(userId: number, since: Date): Promise<boolean>;
  /** 勤務終了: false when the person was not on duty. */
  endDuty(userId: number): Promise<boolean>;
  /** Everyone on duty since after `after`, with when they started, by user id. */
  onDuty(after: Date): Promise<{ userId: number; since: Date }[]>;
  /** The company's support members (§2.1) on duty since after `after`, by user id. */
  onDutySupport(companyId: number, after: Date): Promise<number[]>;
  /**
   * Locks the company's round-robin turn until the transaction ends and returns who had the last
   * turn (null: nobody yet), so concurrent inquiries take turns one after the other.
   */
  lockRotation(companyId: number): Promise<number | null>;
  setRotation(companyId: number, userId: number): Promise<void>;
  /**
   * Inquiries waiting for their turn: received, unassigned, in a round-robin category, oldest first,
   * locked until the transaction ends (rows another sweep holds are skipped).
   */
  waitingForTurn(limit: number): Promise<{ id: number; companyId: number }[]>;
  /** Gives a waiting inquiry its assignee; false when someone was assigned meanwhile. */
  assignWaiting(inquiryId: number, userId: number): Promise<boolean>;
}
