/** Marketplace tables and queries (src/domain/market/ports.ts). */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MarketTables } from '../../src/domain/market/ports.ts';
import type {
  ConversationRecord,
  ConversationSummary,
  FollowEntry,
  MessageRecord,
  PersonRef,
  ProfileStatus,
  WeeklyHours,
  WorkerSummary,
} from '../../src/domain/market/records.ts';
import { PROFILE_STATUSES } from '../../src/domain/market/records.ts';
import type { CompanyRecord } from '../../src/domain/shared.ts';
import { COUNT_LIMIT, type Page, type PageRequest } from '../../src/domain/table.ts';
import { Company } from '../entities/company.ts';
import {
  CareerEntry,
  Conversation,
  ConversationMember,
  Follow,
  Message,
  Profile,
  ProfileSkill,
  Qualification,
  Team,
  TeamInvitation,
  TeamMember,
} from '../entities/market.ts';
import { asRecord, inOrder, likeEscape, pgIntArray } from '../sql.ts';
import { mikroTable } from '../table.ts';
import { conversationTeams } from '../team-threads.ts';

/** A Postgres array literal for an int[] parameter. */

type Row = Record<string, unknown>;

/** One row of the conversation list: json columns (objects, or text when the driver leaves them so). */
interface ConversationRow {
  conversation: unknown;
  last_message: unknown;
  unread: string | number;
  others: unknown;
  team_name: string | null;
}

/** A json column as the query built it (`T` is what the SQL puts there). */
const json = <T = Record<string, unknown>>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function marketTables(em: EntityManager): MarketTables {
  const conversations = mikroTable<ConversationRecord, never>(em, Conversation);
  const companies = mikroTable<CompanyRecord, never>(em, Company);

  /**
   * One page of `inner` (a select) in `orderBy` order, with the total from a window count; a second
   * query only when the page is past the end (no row left to carry the count).
   */
  async function paged(inner: string, params: unknown[], orderBy: string, page: PageRequest) {
    const rows = await em.execute<(Row & { __total: string })[]>(
      `select q.*, count(*) over () as __total from (${inner}) q order by ${orderBy} limit ? offset ?`,
      [...params, page.limit, page.offset],
    );
    let total = Number(rows[0]?.__total ?? 0);
    if (rows.length === 0 && page.offset > 0) {
      const [c] = await em.execute<{ n: string }[]>(`select count(*) as n from (${inner}) q`, params);
      total = Number(c?.n ?? 0);
    }
    return { rows, total };
  }

  return {
    conversations: mikroTable(em, Conversation),
    conversationMembers: mikroTable(em, ConversationMember),
    messages: mikroTable(em, Message),
    follows: mikroTable(em, Follow),
    teams: mikroTable(em, Team),
    teamMembers: mikroTable(em, TeamMember),
    teamInvitations: mikroTable(em, TeamInvitation),
    profiles: mikroTable(em, Profile),
    profileSkills: mikroTable(em, ProfileSkill),
    qualifications: mikroTable(em, Qualification),
    careerEntries: mikroTable(em, CareerEntry),

    async openDirectConversation([a, b], jobId, at, teamId = null) {
      const [low, high] = a < b ? [a, b] : [b, a];
      const key = teamId === null ? `${low}:${high}:${jobId ?? '-'}` : `team:${teamId}:${a}`;
      // `on conflict do nothing` waits for a concurrent insert of the same key, then yields nothing.
      const inserted = await em.execute<{ id: number }[]>(
        `insert into conversations (job_id, team_id, direct_key, created_at) values (?, ?, ?, ?)
         on conflict (direct_key) do nothing returning id`,
        [jobId, teamId, key, at],
      );
      let id = inserted[0]?.id;
      const created = id !== undefined;
      if (id === undefined) {
        const [found] = await em.execute<{ id: number }[]>(
          `select id from conversations where direct_key = ?`,
          [key],
        );
        id = found?.id;
      } else {
        await em.execute(
          `insert into conversation_members (conversation_id, user_id) values (?, ?), (?, ?)`,
          [id, low, id, high],
          'run',
        );
      }
      const conversation = id === undefined ? null : await conversations.get(id);
      if (!conversation) throw new Error(`direct conversation ${key} vanished`);
      return { conversation, created };
    },

    async teamOfConversation(conversationId) {
      const rows = await em.execute<{ team_id: number }[]>(conversationTeams('c.id = ?'), [
        conversationId,
        conversationId,
      ]);
      return rows[0] ? Number(rows[0].team_id) : null;
    },

    async conversationsOf(userId, page): Promise<Page<ConversationSummary>> {
      // One statement for the page with everything a row shows (the conversation, the latest message
      // through a lateral join on the (conversation_id, created_at) index, my unread count, the other
      // members' names), and one count only when the page cannot tell the total.
      const rows = await em.execute<ConversationRow[]>(
        `with page as (
           select c.id, coalesce(c.last_message_at, c.created_at) as active_at, cm.last_read_at
             from conversation_members cm join conversations c on c.id = cm.conversation_id
            where cm.user_id = ?
            order by active_at desc, c.id desc limit ? offset ?
         )
         select to_jsonb(c) as conversation, to_jsonb(lm) as last_message, unread.n as unread,
                others.list as others, tm.name as team_name
           from page
           join conversations c on c.id = page.id
           left join teams tm on tm.id = c.team_id
           left join lateral (
             select m.* from messages m where m.conversation_id = page.id
              order by m.created_at desc, m.id desc limit 1
           ) lm on true
           cross join lateral (
             select count(*) as n from messages m
              where m.conversation_id = page.id and m.sender_id <> ?
                and (page.last_read_at is null or m.created_at > page.last_read_at)
           ) unread
           cross join lateral (
             select coalesce(json_agg(json_build_object('userId', u.id, 'displayName', u.display_name)
                                      order by o.id), '[]'::json) as list
               from conversation_members o join users u on u.id = o.user_id
              where o.conversation_id = page.id and o.user_id <> ?
           ) others
          order by page.active_at desc, page.id desc`,
        [userId, page.limit, page.offset, userId, userId],
      );
      // A short page that is not empty ends the list: its end is the total.
      let total = page.offset + rows.length;
      if (rows.length === page.limit || (rows.length === 0 && page.offset > 0)) {
        // Every membership has its conversation (foreign key): counting needs only the memberships.
        const [c] = await em.execute<{ n: string }[]>(
          `select count(*) as n from conversation_members where user_id = ?`,
          [userId],
        );
        total = Number(c?.n ?? 0);
      }
      return {
        items: rows.map((r) => ({
          conversation: asRecord<ConversationRecord>(em, Conversation, json(r.conversation)),
          others: json<PersonRef[]>(r.others),
          teamName: r.team_name,
          lastMessage: r.last_message ? asRecord<MessageRecord>(em, Message, json(r.last_message)) : null,
          unread: Number(r.unread),
        })),
        total,
      };
    },

    async addFollow(followerId, followeeId, at) {
      const [row] = await em.execute<{ id: number }[]>(
        `insert into follows (follower_id, followee_id, created_at) values (?, ?, ?)
         on conflict (follower_id, followee_id) do nothing returning id`,
        [followerId, followeeId, at],
      );
      return row ? { id: row.id, followerId, followeeId, createdAt: at } : null;
    },

    async followList(userId, direction, page): Promise<Page<FollowEntry>> {
      const [mine, theirs] =
        direction === 'following' ? ['follower_id', 'followee_id'] : ['followee_id', 'follower_id'];
      const { rows, total } = await paged(
        `select f.id, f.${theirs} as user_id, u.display_name, f.created_at,
                exists (select 1 from follows b where b.follower_id = f.followee_id and b.followee_id = f.follower_id) as mutual
           from follows f join users u on u.id = f.${theirs}
          where f.${mine} = ?`,
        [userId],
        'q.created_at desc, q.id desc',
        page,
      );
      return {
        items: rows.map((r) => ({
          userId: Number(r.user_id),
          displayName: String(r.display_name),
          // Raw rows carry timestamps as text (MikroORM's driver type parsers).
          followedAt: new Date(String(r.created_at)),
          mutual: Boolean(r.mutual),
        })),
        total,
      };
    },

    async contactsOf(userId, page) {
      // Both directions of "completed a job together": the job's poster must be a client.
      const { rows, total } = await paged(
        `with done as (
           select other_id, count(*) as n from (
             select j.created_by as other_id
               from applications a join job_notices j on j.id = a.job_id
               join users c on c.id = j.created_by and 'client' = any(c.roles)
              where a.worker_id = ? and a.status = 'approved'
             union all
             select a.worker_id as other_id
               from job_notices j join applications a on a.job_id = j.id
               join users c on c.id = j.created_by and 'client' = any(c.roles)
              where j.created_by = ? and a.status = 'approved'
           ) x where other_id <> ? group by other_id
         ), friends as (
           select f.followee_id as other_id
             from follows f join follows b on b.follower_id = f.followee_id and b.followee_id = f.follower_id
            where f.follower_id = ?
         )
         select u.id as user_id, u.display_name, coalesce(d.n, 0) as completed_jobs,
                (fr.other_id is not null) as friend
           from done d full join friends fr on fr.other_id = d.other_id
           join users u on u.id = coalesce(d.other_id, fr.other_id)`,
        [userId, userId, userId, userId],
        'q.display_name asc, q.user_id asc',
        page,
      );
      return {
        items: rows.map((r) => {
          const completedJobs = Number(r.completed_jobs);
          return {
            userId: Number(r.user_id),
            displayName: String(r.display_name),
            reasons: [
              ...(completedJobs > 0 ? (['completed_job'] as const) : []),
              ...(r.friend ? (['mutual_follow'] as const) : []),
            ],
            completedJobs,
          };
        }),
        total,
      };
    },

    async searchWorkers(filter, page) {
      // One branch per status in display order (available, depends, busy). Without a skill each
      // walks the (status, updated_at, user_id) index newest first and stops at the end of the
      // page; with one it starts from the skill's holders (profile_skills (name_key, user_id)) and
      // sorts only them. The `offset 0` fence keeps the planner from walking the status index
      // instead, which reads every profile of the status when a skill has few or no holders there.
      const match = [`'worker' = any(u.roles)`];
      const params: unknown[] = [];
      let source = 'profiles p join users u on u.id = p.user_id';
      if (filter.skill !== undefined) {
        source = `(select user_id from profile_skills where name_key = ? offset 0) s
                  join profiles p on p.user_id = s.user_id join users u on u.id = p.user_id`;
        params.push(filter.skill);
      }
      const statuses = filter.status ? [filter.status] : PROFILE_STATUSES;
      const reach = page.offset + page.limit;
      const branches = statuses.map(
        (_status, rank) =>
          `(select u.id as user_id, u.display_name, p.nickname, p.status, p.weekly_hours, p.hourly_rate_yen,
                   p.prefecture, p.updated_at, (p.identity_verified_at is not null) as identity_verified,
                   (p.nda_verified_at is not null) as nda_verified, ${rank} as rank
              from ${source}
             where p.status = ? and ${match.join(' and ')}
             order by p.updated_at desc, p.user_id desc limit ${reach + 1})`,
      );
      const rows = await em.execute<Row[]>(
        `select * from (${branches.join(' union all ')}) q order by q.rank, q.updated_at desc, q.user_id desc limit ? offset ?`,
        [...statuses.flatMap((status) => [...params, status]), page.limit + 1, page.offset],
      );
      // One row past the page says whether more follow; counting every match of a common skill
      // would cost more than the page itself, so past the first page the total is "at least".
      const more = rows.length > page.limit;
      rows.splice(page.limit);
      let counted = more
        ? { total: page.offset + rows.length + 1, totalIsAtLeast: true }
        : { total: page.offset + rows.length, totalIsAtLeast: false };
      if (rows.length === 0 && page.offset > 0) {
        // Past the end (a page number typed by hand): count, up to the limit, to say how many there are.
        const cap = COUNT_LIMIT + 1;
        const [c] = await em.execute<{ n: string }[]>(
          `select count(*) as n from (select 1 from ${source}
             where ${[...(filter.status ? ['p.status = ?'] : []), ...match].join(' and ')} limit ?) m`,
          [...params, ...(filter.status ? [filter.status] : []), cap],
        );
        const n = Number(c?.n ?? 0);
        counted = { total: Math.min(n, COUNT_LIMIT), totalIsAtLeast: n >= cap };
      }
      const ids = rows.map((r) => Number(r.user_id));
      const skills =
        ids.length === 0
          ? []
          : await em.execute<{ user_id: number; name: string; level: number; years: number }[]>(
              `select user_id, name, level, years from profile_skills where user_id = any(?::int[])
                order by level desc, years desc, name asc`,
              [pgIntArray(ids)],
            );
      return {
        items: rows.map(
          (r): WorkerSummary => ({
            userId: Number(r.user_id),
            displayName: String(r.display_name),
            nickname: (r.nickname as string | null) ?? null,
            status: (r.status as ProfileStatus | null) ?? null,
            weeklyHours: (r.weekly_hours as WeeklyHours | null) ?? null,
            hourlyRateYen: r.hourly_rate_yen == null ? null : Number(r.hourly_rate_yen),
            prefecture: (r.prefecture as string | null) ?? null,
            identityVerified: Boolean(r.identity_verified),
            ndaVerified: Boolean(r.nda_verified),
            skills: skills
              .filter((s) => s.user_id === Number(r.user_id))
              .map((s) => ({ name: s.name, level: s.level, years: s.years })),
          }),
        ),
        ...counted,
      };
    },

    async searchCompanies(fragment, limit) {
      const rows = await em.execute<{ id: number }[]>(
        `select id from companies
          where lower(normalize(name, NFKC)) like ? escape '\\' or slug like ? escape '\\'
          order by name asc, id asc limit ?`,
        [`%${likeEscape(fragment)}%`, `%${likeEscape(fragment)}%`, limit],
      );
      return inOrder(
        companies,
        rows.map((r) => r.id),
      );
    },
  };
}
