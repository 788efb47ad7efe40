/** `TeamNewsStore` (src/store.ts): team news computed from the audit log in SQL, claimed with a lease. */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { TeamNewsItem, TeamNewsStore } from '../src/store.ts';

/** Applications in these states mean the worker (and so their team) works on the job. */
export const WORKING = "('accepted', 'working', 'delivered', 'revision_requested', 'approved')";

const NEWS = `
  with bound as (
    -- News starts after the channel was bound, and after the last news already taken for the team:
    -- items are claimed in audit order, so nothing older is still pending, and each pass reads only
    -- the new part of the audit log however long it grows.
    select t.id as team_id, t.discord_channel_id as channel_id,
           greatest(
             coalesce((select max(a.id) from audit_log a
                        where a.action = 'team.discord_bound' and a.subject_id = t.id), 0),
             coalesce((select max(x.audit_id) from team_news x where x.team_id = t.id), 0)) as since
      from teams t where t.discord_channel_id is not null
  ), news as (
    select a.id as audit_id, b.team_id, b.channel_id
      from audit_log a join bound b on (a.data->>'teamId')::int = b.team_id
     where a.action = 'team.invitation_approved' and a.id > b.since
    union all
    select a.id, b.team_id, b.channel_id
      from audit_log a join bound b on a.subject_id = b.team_id
     where a.action = 'team.left' and a.subject_type = 'team' and a.id > b.since
    union all
    select a.id, b.team_id, b.channel_id
      from audit_log a join job_notices j on j.id = a.subject_id join bound b on a.id > b.since
     where a.action in ('job.posted', 'job.open') and a.subject_type = 'job' and j.status = 'open'
       and exists (select 1 from team_members m join profile_skills s on s.user_id = m.user_id
                    where m.team_id = b.team_id
                      and lower(s.name) in (select lower(x) from unnest(j.skills) x))
    union all
    select a.id, b.team_id, b.channel_id
      from audit_log a join bound b on a.id > b.since
     where a.action in ('job.closed', 'job.cancelled') and a.subject_type = 'job'
       and exists (select 1 from applications ap join team_members m on m.user_id = ap.worker_id
                    where ap.job_id = a.subject_id and m.team_id = b.team_id and ap.status in ${WORKING})
  )`;

interface Row {
  audit_id: string | number;
  team_id: number;
  channel_id: string;
  team_name: string;
  action: string;
  member_name: string | null;
  job_id: number | null;
  job_title: string | null;
  job_status: string | null;
}

function toItem(r: Row): TeamNewsItem {
  const kind: TeamNewsItem['kind'] =
    r.action === 'team.invitation_approved'
      ? 'member_joined'
      : r.action === 'team.left'
        ? 'member_left'
        : r.action === 'job.posted' || r.action === 'job.open'
          ? 'job_match'
          : 'job_status';
  return {
    auditId: Number(r.audit_id),
    teamId: Number(r.team_id),
    channelId: r.channel_id,
    teamName: r.team_name,
    kind,
    ...(r.member_name !== null ? { memberName: r.member_name } : {}),
    ...(r.job_id !== null
      ? { job: { id: Number(r.job_id), title: r.job_title ?? '', status: r.job_status ?? '' } }
      : {}),
  };
}

export function createTeamNewsStore(orm: MikroORM): TeamNewsStore {
  const em = (): EntityManager => orm.em.fork();
  return {
    async claim(limit) {
      const claimed: { audit_id: string; team_id: number }[] = await em().execute(
        `${NEWS}
         , fresh as (
           insert into team_news (audit_id, team_id, channel_id, claimed_at)
           select n.audit_id, n.team_id, n.channel_id, now() from news n
            where not exists (select 1 from team_news x where x.audit_id = n.audit_id and x.team_id = n.team_id)
            order by n.audit_id limit ?
           on conflict do nothing
           returning audit_id, team_id)
         , lapsed as (
           update team_news set claimed_at = now()
            where posted_at is null and claimed_at < now() - interval '60 seconds'
           returning audit_id, team_id)
         select * from fresh union all select * from lapsed`,
        [limit],
      );
      if (claimed.length === 0) return [];
      const keys = claimed.map((c) => `(${Number(c.audit_id)}, ${Number(c.team_id)})`).join(', ');
      const rows: Row[] = await em().execute(
        `select n.audit_id, n.team_id, n.channel_id, t.name as team_name, a.action,
                case when a.action in ('team.invitation_approved', 'team.left') then u.display_name end as member_name,
                case when a.subject_type = 'job' then j.id end as job_id,
                case when a.subject_type = 'job' then j.title end as job_title,
                case when a.subject_type = 'job' then j.status end as job_status
           from team_news n join audit_log a on a.id = n.audit_id join teams t on t.id = n.team_id
           left join users u on u.id = a.actor_user_id
           left join job_notices j on a.subject_type = 'job' and j.id = a.subject_id
          where (n.audit_id, n.team_id) in (${keys})
          order by n.audit_id, n.team_id`,
      );
      return rows.map(toItem);
    },
    async posted(auditId, teamId) {
      await em().execute(
        'update team_news set posted_at = now(), claimed_at = null where audit_id = ? and team_id = ?',
        [auditId, teamId],
      );
    },
    async release(auditId, teamId) {
      await em().execute('delete from team_news where audit_id = ? and team_id = ? and posted_at is null', [
        auditId,
        teamId,
      ]);
    },
  };
}
