/**
 * The audience rules and the delivery plan as SQL, generated from the constants of ./rules.ts and
 * ./plan.ts: db/ runs these fragments and writes none of its own (test/boundary.test.ts checks). Every
 * value in them is a literal made here from a constant, never from input.
 *
 * Aliases the fragments expect: `u` users, `ap` alert_preferences (left joined with
 * WITH_ALERT_PREFERENCES: a user who never saved any has nulls, read as ALERT_DEFAULTS), `j`
 * job_notices, `n` notices.
 */
import { FALLBACK_ORDER } from './plan.ts';
import { ALERT_DEFAULTS, ALERT_ROLE, type Audience, TAKES_APPLICATIONS } from './rules.ts';

/** A SQL literal of a constant. */
export function lit(value: string | number | boolean): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer literal: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `'${value.replaceAll("'", "''")}'`;
}

const list = (values: readonly string[]) => values.map(lit).join(', ');

/** The fallback order as a text array, for `array_position(PLATFORM_ORDER, platform)`. */
export const PLATFORM_ORDER = `array[${list(FALLBACK_ORDER)}]::text[]`;

/** The user's alert preferences (preferred platform, quiet hours, what they want alerts for). */
export const WITH_ALERT_PREFERENCES = 'left join alert_preferences ap on ap.user_id = u.id';

/** The user has quiet hours: their messages go one by one, so each can wait for the window's end. */
export const HAS_QUIET_HOURS = '(ap.quiet_start is not null and ap.quiet_end is not null)';

/** Who gets job `j`'s alert: a worker whose preferences (or the defaults) match it and who has not paused alerts. */
export const ALERT_MATCH = `${lit(ALERT_ROLE)} = any(u.roles)
  and not coalesce(ap.paused, ${lit(ALERT_DEFAULTS.paused)})
  and coalesce(ap.min_reward_yen, ${lit(ALERT_DEFAULTS.minRewardYen)}) <= j.reward_yen
  and (coalesce(cardinality(ap.skills), 0) = 0 or ap.skills && j.skills)
  and ((j.remote and coalesce(ap.remote_ok, ${lit(ALERT_DEFAULTS.remoteOk)}))
       or (j.prefecture is not null
           and (coalesce(cardinality(ap.prefectures), 0) = 0 or j.prefecture = any(ap.prefectures))))`;

/** Job `j` still takes applications (TAKES_APPLICATIONS; `takesApplications` in TypeScript). */
export const JOB_TAKES_APPLICATIONS = `(j.status = ${lit(TAKES_APPLICATIONS.status)} and j.openings > (select count(*) from applications a
  where a.job_id = j.id and a.status in (${list(TAKES_APPLICATIONS.seatHolding)})))`;

/**
 * Notice `n` reaches the user whose id and roles are the SQL expressions given (`noticeReaches` in
 * TypeScript): `u.id` and `u.roles` in a fan-out, bound values when listing one user's notices.
 */
export const noticeReachesSql = (userId: string, roles: string): string =>
  `(n.user_id = ${userId} or (n.user_id is null and (n.audience_role is null or n.audience_role = any(${roles}))))`;

/** The users of an audience, as a condition on `u` with `?` parameters. */
export function audienceSql(audience: Audience): { where: string; params: unknown[] } {
  if ('everyone' in audience) return { where: 'true', params: [] };
  if ('role' in audience) return { where: '? = any(u.roles)', params: [audience.role] };
  if ('companyCustomers' in audience)
    return {
      where: `${lit('customer')} = any(u.roles) and u.company_id = ?`,
      params: [audience.companyCustomers],
    };
  return {
    where: 'exists (select 1 from team_members tm where tm.team_id = ? and tm.user_id = u.id)',
    params: [audience.team],
  };
}
