/**
 * Queue job ids unique across database lifetimes: a database made anew (a reset, a restore) numbers
 * its outbox from 1 again, while a long-lived Redis still holds the finished jobs of the earlier one
 * under the same prefix. BullMQ takes an add whose id it already has as a repeat and drops it, so
 * the ids carry the database's own tag (`outbox-<database>-<id>`): both databases' first notification
 * arrives.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { lineUserId, openLineBench } from './helpers/line.ts';
import { memoryLogger } from './helpers/logger.ts';
import { uniqueName } from './helpers/services.ts';

describe('queue job ids across database lifetimes', () => {
  it("delivers a new database's notification although Redis still holds the old one's under the same outbox id", async () => {
    const queuePrefix = uniqueName('ids');
    const outboxIds: number[] = [];
    const tags: string[] = [];
    for (const round of [1, 2]) {
      // Each round is a database of its own (a fresh schema, sequences from 1) on the same Redis prefix.
      const bench = await openLineBench(`ids${round}`, { queuePrefix });
      try {
        const person = `ids-person-${round}`;
        await bench.follow(person);
        const user = await bench.app.store.users.findByIdentity({
          platform: 'line',
          workspace: '',
          externalId: lineUserId(person),
        });
        if (!user) throw new Error('the follow registered nobody');
        await bench.app.store.uow.run((tx) =>
          tx.notify({
            type: 'application.accepted',
            recipientUserId: user.id,
            payload: { applicationId: 7, jobId: 1, status: 'accepted' },
            dedupeKey: `ids-${round}`,
          }),
        );
        await bench.fake.waitFor(
          () =>
            bench.fake.delivered.some(
              (d) =>
                d.to === lineUserId(person) &&
                JSON.stringify(d.messages).includes('応募 #7 が採用されました'),
            ),
          15_000,
        );
        const db = new pg.Client({ connectionString: bench.schema.url });
        await db.connect();
        try {
          const { rows } = await db.query<{ id: number }>('select max(id)::int as id from outbox');
          outboxIds.push(rows[0]?.id ?? 0);
        } finally {
          await db.end();
        }
        tags.push(await bench.app.store.instanceTag());
      } finally {
        await bench.close();
      }
    }
    // The same outbox id both times (the collision the tag prevents), under two different tags.
    expect(outboxIds[0]).toBe(outboxIds[1]);
    expect(tags[0]).not.toBe(tags[1]);
    expect(tags[0]).toMatch(/^[0-9a-f]{12}$/);
  }, 60_000);

  it('logs a reused id for a different job as an error and still delivers it (a database restored from a backup)', async () => {
    const queuePrefix = uniqueName('idsrestore');
    let tag = '';
    for (const round of [1, 2]) {
      const logs = memoryLogger('error');
      const bench = await openLineBench(`idsr${round}`, { queuePrefix, logger: logs.logger });
      try {
        if (round === 1) tag = await bench.app.store.instanceTag();
        else {
          // The restored database: the same instance row as the first (a backup of it), outbox from 1.
          const db = new pg.Client({ connectionString: bench.schema.url });
          await db.connect();
          try {
            const { rows } = await db.query<{ id: string }>('select id::text as id from database_instance');
            await db.query('update database_instance set id = $1::uuid', [
              `${tag.slice(0, 8)}-${tag.slice(8, 12)}${String(rows[0]?.id).slice(13)}`,
            ]);
          } finally {
            await db.end();
          }
          expect(await bench.app.store.instanceTag()).toBe(tag);
        }
        const person = `idsr-person-${round}`;
        await bench.follow(person);
        const user = await bench.app.store.users.findByIdentity({
          platform: 'line',
          workspace: '',
          externalId: lineUserId(person),
        });
        if (!user) throw new Error('the follow registered nobody');
        await bench.app.store.uow.run((tx) =>
          tx.notify({
            type: 'application.accepted',
            recipientUserId: user.id,
            payload: { applicationId: 8, jobId: 1, status: 'accepted' },
            dedupeKey: `idsr-${round}`,
          }),
        );
        await bench.fake.waitFor(
          () =>
            bench.fake.delivered.some(
              (d) =>
                d.to === lineUserId(person) &&
                JSON.stringify(d.messages).includes('応募 #8 が採用されました'),
            ),
          15_000,
        );
        const collisions = logs.records.filter((r) => String(r.msg).startsWith('job id already taken'));
        expect(collisions.length).toBe(round === 1 ? 0 : 1);
        if (round === 2) expect(collisions[0]?.jobId).toMatch(new RegExp(`^outbox-${tag}-\\d+$`));
      } finally {
        await bench.close();
      }
    }
  }, 60_000);
});
