/** `DeskSlaStore` (src/store.ts) in plain SQL: the SLA lines of desk cards and the alerts to post. */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { DeskSlaAlert, DeskSlaStore } from '../src/store.ts';
import { intId, text } from './params.ts';
import { queryNumbered } from './sql.ts';

/** A claim older than this is taken to be lost (the worker died between claim and post). */
const LEASE = "interval '60 seconds'";

type AlertKey = Pick<DeskSlaAlert, 'inquiryId' | 'target' | 'kind'>;
const keyParams = (a: AlertKey) => [
  intId(a.inquiryId, 'inquiry id'),
  text(a.target, 'target', 20),
  text(a.kind, 'kind', 20),
];

export function createDeskSlaStore(orm: MikroORM): DeskSlaStore {
  const em = (): EntityManager => orm.em.fork();
  return {
    async slaCards(limit) {
      const rows = await queryNumbered<{
        inquiry_id: number;
        channel: string;
        ts: string;
        sla_shown: string;
      }>(
        em(),
        `select t.inquiry_id, t.channel, t.ts, t.sla_shown
           from desk_threads t join inquiries i on i.id = t.inquiry_id
          where t.ts is not null and i.status <> 'completed'
          order by t.inquiry_id limit $1`,
        [limit],
      );
      return rows.map((r) => ({
        inquiryId: Number(r.inquiry_id),
        channel: r.channel,
        ts: r.ts,
        slaShown: r.sla_shown,
      }));
    },

    async setSlaShown(inquiryId, line) {
      await queryNumbered(em(), 'update desk_threads set sla_shown = $2 where inquiry_id = $1', [
        intId(inquiryId, 'inquiry id'),
        line.slice(0, 200),
      ]);
    },

    async claimSlaAlerts(limit) {
      const rows = await queryNumbered<{
        inquiry_id: number;
        target: DeskSlaAlert['target'];
        kind: DeskSlaAlert['kind'];
        channel: string;
        thread_ts: string;
        slack_id: string | null;
      }>(
        em(),
        `with claimed as (
           update desk_sla_alerts set claimed_at = now()
            where (inquiry_id, target, kind) in (
              select a.inquiry_id, a.target, a.kind
                from desk_sla_alerts a
                join desk_threads t on t.inquiry_id = a.inquiry_id and t.ts is not null
                join inquiries i on i.id = a.inquiry_id and i.status <> 'completed'
               where a.posted_at is null and a.created_at > now() - interval '1 day'
                 and (a.claimed_at is null or a.claimed_at < now() - ${LEASE})
               order by a.created_at limit $1
                 for update of a skip locked)
           returning inquiry_id, target, kind)
         select c.inquiry_id, c.target, c.kind, t.channel, t.ts as thread_ts,
                (select p.external_id from platform_identities p
                  where p.user_id = i.assignee_id and p.platform = 'slack' order by p.id limit 1) as slack_id
           from claimed c join desk_threads t on t.inquiry_id = c.inquiry_id
           join inquiries i on i.id = c.inquiry_id
          order by c.inquiry_id, c.target, c.kind`,
        [limit],
      );
      return rows.map((r) => ({
        inquiryId: Number(r.inquiry_id),
        target: r.target,
        kind: r.kind,
        channel: r.channel,
        threadTs: r.thread_ts,
        assigneeSlackId: r.slack_id,
      }));
    },

    async slaAlertDone(alert) {
      await queryNumbered(
        em(),
        `update desk_sla_alerts set posted_at = now(), claimed_at = null
          where inquiry_id = $1 and target = $2 and kind = $3`,
        keyParams(alert),
      );
    },

    async releaseSlaAlert(alert) {
      await queryNumbered(
        em(),
        'update desk_sla_alerts set claimed_at = null where inquiry_id = $1 and target = $2 and kind = $3',
        keyParams(alert),
      );
    },
  };
}
