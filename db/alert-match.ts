/**
 * Who gets a job's alert (docs/domain.md §6.4), as SQL over `users u`, `alert_preferences ap` (left
 * joined: a worker who never saved preferences gets every alert, the column defaults: any skill,
 * anywhere, remote welcome, no minimum, not paused) and `job_notices j`. One definition for the
 * count when the job is posted and for the fan-out's pages.
 */
export const ALERT_MATCH = `'worker' = any(u.roles)
  and not coalesce(ap.paused, false)
  and coalesce(ap.min_reward_yen, 0) <= j.reward_yen
  and (coalesce(cardinality(ap.skills), 0) = 0 or ap.skills && j.skills)
  and ((j.remote and coalesce(ap.remote_ok, true))
       or (j.prefecture is not null
           and (coalesce(cardinality(ap.prefectures), 0) = 0 or j.prefecture = any(ap.prefectures))))`;

/**
 * Whether job `j` still takes applications (open, with an opening not yet held by an application
 * from accepted on). One parameter: the seat-holding statuses as a text array.
 */
export const JOB_TAKES_APPLICATIONS = `(j.status = 'open' and j.openings > (select count(*) from applications a
  where a.job_id = j.id and a.status = any(?::text[])))`;
