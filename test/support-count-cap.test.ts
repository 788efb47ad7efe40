/**
 * The inquiry list past the count limit: totals are exact up to a thousand matches, then "at least",
 * and exact again on the last page. (Speed at 100,000 inquiries is measured by `npm run
 * bench:queries`, not asserted here: timings do not belong in tests.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { COUNT_LIMIT } from '../src/domain/support/ports.ts';
import { type DomainBench, openDomainBench } from './helpers/domain.ts';
import { type SupportWorld, supportWorld } from './support-fixture.ts';

const INQUIRIES = 3_000;

let bench: DomainBench;
let w: SupportWorld;
let customer: Actor;

const sql = (q: string, params: unknown[] = []) => bench.store.orm.em.getConnection().execute(q, params);

beforeAll(async () => {
  bench = await openDomainBench('support_scale');
  w = await supportWorld(bench);
  await sql(
    `insert into companies (slug, name) select 'scale' || g, '規模テスト' || g from generate_series(1, 98) g`,
  );
  await sql(`insert into stores (company_id, name, prefecture, region)
    select c.id, '店舗' || g, (array['東京都','大阪府','北海道','福岡県','愛知県'])[1 + g % 5], '地域' || (g % 3)
      from companies c, generate_series(1, 10) g`);
  await sql(`insert into users (display_name, locale, roles, company_id)
    select 'お客様' || c.id, 'ja', '{customer}', c.id from companies c`);
  await sql(`with cs as (select id, row_number() over (order by id) - 1 as n from companies),
      st as (select id, company_id, row_number() over (partition by company_id order by id) - 1 as n from stores),
      cu as (select min(id) as id, company_id from users where company_id is not null group by company_id)
    insert into inquiries (company_id, store_id, category_id, subtopic_id, status, created_by, assignee_id, comment,
                           created_at, updated_at, completed_at)
    select cs.id, st.id, 1 + g % 8, null,
           case when g % 10 < 7 then 'completed' when g % 10 < 9 then 'in_progress' else 'received' end,
           cu.id, null, 'お問い合わせ ' || g,
           timestamptz '2025-01-01' + g * interval '5 minutes',
           timestamptz '2025-01-01' + g * interval '5 minutes' + (g % 97) * interval '1 hour',
           null
      from generate_series(1, ${INQUIRIES}) g
      join cs on cs.n = g % 100
      join st on st.company_id = cs.id and st.n = g % 10
      join cu on cu.company_id = cs.id`);
  await sql(`insert into files (storage_key, name, mime, size, uploaded_by)
    select md5(i.id::text) || md5(i.id::text), 'file' || i.id || '.jpg', 'image/jpeg', 1000 + i.id, i.created_by
      from inquiries i where i.id % 10 < 3`);
  await sql(`insert into inquiry_attachments (inquiry_id, message_id, file_id, created_at)
    select i.id, null, f.id, i.created_at from files f join inquiries i on f.name = 'file' || i.id || '.jpg'`);
  await sql('analyze');
  const [company] = (await sql(`select id from companies where slug = 'scale50'`)) as { id: number }[];
  customer = await bench.user(['customer'], { companyId: company?.id ?? null });
}, 120_000);
afterAll(() => bench?.close());

describe(`searching ${INQUIRIES.toLocaleString('en')} inquiries`, () => {
  it('counts up to a thousand matches, then says "at least", exactly on the last page', async () => {
    const first = await w.reads.search(w.support1);
    expect(first).toMatchObject({ total: COUNT_LIMIT, totalIsAtLeast: true });
    const [all] = (await sql('select count(*)::int as n from inquiries')) as { n: number }[];
    const last = await w.reads.search(w.support1, {}, { offset: (all?.n ?? 0) - 3, limit: 10 });
    expect(last).toMatchObject({ total: all?.n, totalIsAtLeast: false });
    expect(last.items).toHaveLength(3);
    const few = await w.reads.search(customer, { status: 'received', categoryId: 2 });
    expect(few.totalIsAtLeast).toBe(false);
    expect(few.total).toBeLessThan(COUNT_LIMIT);
  });
});
