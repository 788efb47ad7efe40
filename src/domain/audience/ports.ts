/** What the audience rules need from the store inside a transaction (db/fanout.ts). */
import type { FanoutType } from './kinds.ts';
import type { Audience } from './rules.ts';

export interface AudienceTables {
  /**
   * Starts a fan-out of `type` about `subjectId` (the job, the notice), committed with the change
   * that caused it; the delivery relay then works it through in pages. Starting one twice is a
   * no-op. Returns how many people its audience holds now.
   */
  startFanout(type: FanoutType, subjectId: number): Promise<number>;
  /** The ids of an audience's users, in id order: for small audiences written one outbox row each (staff). */
  userIds(audience: Audience): Promise<number[]>;
}
