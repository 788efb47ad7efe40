/**
 * Who receives what (docs/domain.md §6), each rule once: the defaults of a worker's alert preferences,
 * whether a job still takes applications (the cause of its alerts), and whom a notice is addressed
 * to. Their SQL forms are generated from these constants in ./sql.ts; the TypeScript forms here are
 * what services check one record at a time.
 */
import type { Role } from '../roles.ts';
import { type JobRecord, SEAT_HOLDING_STATUSES } from '../work/records.ts';

/**
 * What a worker who never saved alert preferences gets, and what each column of
 * `alert_preferences` defaults to: any skill, anywhere, remote welcome, no minimum reward, the
 * platform chosen by the fallback order, no quiet hours, not paused.
 */
export const ALERT_DEFAULTS = Object.freeze({
  skills: [] as string[],
  prefectures: [] as string[],
  remoteOk: true,
  minRewardYen: 0,
  preferredPlatform: null,
  quietStart: null,
  quietEnd: null,
  paused: false,
});

/** Job alerts go to the holders of this role only. */
export const ALERT_ROLE: Role = 'worker';

/**
 * A job takes applications while it is `open` and fewer of its applications hold a seat (the
 * statuses below: accepted … approved) than it has openings. Its alerts are cancelled once it no
 * longer does (closed, cancelled or filled).
 */
export const TAKES_APPLICATIONS = Object.freeze({
  status: 'open' as const,
  seatHolding: SEAT_HOLDING_STATUSES,
});

/** Openings no application holds yet. */
export const openingsLeft = (job: Pick<JobRecord, 'openings'>, seatsTaken: number): number =>
  Math.max(0, job.openings - seatsTaken);

export const takesApplications = (job: Pick<JobRecord, 'status' | 'openings'>, seatsTaken: number): boolean =>
  job.status === TAKES_APPLICATIONS.status && openingsLeft(job, seatsTaken) > 0;

/**
 * A notice reaches: the one user it is for (a personal notice), else everyone when it names no
 * role, else the holders of its role. Listing, counting, opening and the fan-out all follow this.
 */
export function noticeReaches(
  notice: { userId: number | null; audienceRole: string | null },
  user: { userId: number; roles: readonly string[] },
): boolean {
  if (notice.userId !== null) return notice.userId === user.userId;
  return notice.audienceRole === null || user.roles.includes(notice.audienceRole);
}

/** A group of users a message can be addressed to (see `audienceSql`). */
export type Audience =
  | { everyone: true }
  | { role: Role }
  /** The customers (お客様) of one company. */
  | { companyCustomers: number }
  | { team: number };
