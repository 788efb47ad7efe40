/** Data and calls for bench:queries: set-based seeding (generate_series) and the list/search calls timed. */
import type pg from 'pg';
import type { Actor } from '../src/domain/actor.ts';
import type { DomainServices } from '../src/domain/services.ts';

export interface Sizes {
  jobs: number;
  applications: number;
  inquiries: number;
}

export interface Seeded {
  sizes: Sizes;
  staff: Actor;
  /** A customer of a company with about 1,000 inquiries. */
  customer: Actor;
  /** A worker with a few conversations. */
  chatty: Actor;
  workers: { first: number; count: number };
  clients: { first: number; count: number };
  jobIds: { first: number; count: number };
}

export interface BenchCase {
  name: string;
  /** One call with variation `i`; returns how many rows it returned. */
  run(i: number): Promise<number>;
}

export const SKILLS = [
  'Excel',
  'Word',
  'データ入力',
  '翻訳',
  'ライティング',
  'Photoshop',
  'Illustrator',
  'Python',
  'SQL',
  '経理',
  '校正',
  '文字起こし',
];
export const PREFECTURES = [
  '東京都',
  '大阪府',
  '愛知県',
  '福岡県',
  '北海道',
  '神奈川県',
  '埼玉県',
  '千葉県',
  '兵庫県',
  '京都府',
];

const WORKERS = 20_000;
const CLIENTS = 200;
const STAFF = 20;

const arr = (values: string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]`;

export async function seed(db: pg.Client, schema: string, sizes: Sizes): Promise<Seeded> {
  await db.query(`set search_path to ${schema}`);
  await db.query(
    `insert into users (display_name, locale, roles) select 'staff-' || g, 'ja', '{staff}' from generate_series(1, ${STAFF}) g`,
  );
  await db.query(
    `insert into users (display_name, locale, roles) select 'worker-' || g, 'ja', '{worker}' from generate_series(1, ${WORKERS}) g`,
  );
  await db.query(
    `insert into users (display_name, locale, roles) select 'client-' || g, 'ja', '{client}' from generate_series(1, ${CLIENTS}) g`,
  );
  const skills = arr(SKILLS);
  const prefs = arr(PREFECTURES);
  // Jobs close as they age: the newest tenth is open (as in real use, where open jobs are the recent
  // ones); deadlines spread over two months; two skills each.
  await db.query(
    `insert into job_notices (title, description, category, skills, prefecture, remote, reward_yen, openings, deadline, status, created_by)
     select '案件 ' || g || ' ' || (${skills})[1 + g % 12],
            '業務内容の説明 ' || g,
            (${skills})[1 + g % 12],
            array[(${skills})[1 + g % 12], (${skills})[1 + (g / 7) % 12]],
            case when g % 3 = 0 then null else (${prefs})[1 + g % 10] end,
            g % 3 = 0,
            1000 * (1 + g % 50),
            1 + g % 5,
            now() + ((g % 60) || ' days')::interval,
            case when g > ${Math.floor(sizes.jobs * 0.9)} then 'open' else 'closed' end,
            ${STAFF + WORKERS} + 1 + g % ${CLIENTS}
       from generate_series(1, ${sizes.jobs}) g`,
  );
  // Each job gets applications from distinct workers; states cycle through the whole machine.
  await db.query(
    `insert into applications (job_id, worker_id, status, message)
     select 1 + g % ${sizes.jobs},
            ${STAFF} + 1 + ((g % ${sizes.jobs}) + (g / ${sizes.jobs}) * 2003) % ${WORKERS},
            (array['applied','accepted','rejected','withdrawn','working','delivered','revision_requested','approved','cancelled'])[1 + (g / ${sizes.jobs}) % 9]::text,
            ''
       from generate_series(0, ${sizes.applications - 1}) g`,
  );
  // Profiles and two skills for every worker (for ワーカーを探す).
  await db.query(
    `insert into profiles (user_id, nickname, introduction, status, hobbies, updated_at)
     select u.id, u.display_name, '', (array['available','available','depends','busy'])[1 + u.id % 4], '', now() - (u.id % 500) * interval '1 hour'
       from users u where 'worker' = any(u.roles)`,
  );
  await db.query(
    `insert into profile_skills (user_id, name, name_key, level, years, note)
     select u.id, k.name, lower(k.name), 1 + (u.id + k.n) % 5, (u.id + k.n) % 10, ''
       from users u cross join lateral (select (${skills})[1 + (u.id + n) % 12] as name, n from generate_series(0, 1) n) k
      where 'worker' = any(u.roles)`,
  );
  // Support desk: 100 customer companies with 10 stores each; inquiries spread over them and over
  // two years; the oldest 90% completed, then in progress, the newest 3% just received; 30% carry
  // an attachment.
  await db.query(
    `insert into companies (slug, name) select 'bench' || g, '会社' || g from generate_series(1, 100) g`,
  );
  await db.query(`insert into stores (company_id, name, prefecture, region)
    select c.id, '店舗' || g, (${prefs})[1 + g % 10], '地域' || (g % 3) from companies c, generate_series(1, 10) g`);
  await db.query(`insert into users (display_name, locale, roles, company_id)
    select 'お客様' || c.id, 'ja', '{customer}', c.id from companies c`);
  await db.query(`with cs as (select id, row_number() over (order by id) - 1 as n from companies),
      st as (select id, company_id, row_number() over (partition by company_id order by id) - 1 as n from stores),
      cu as (select min(id) as id, company_id from users where company_id is not null group by company_id)
    insert into inquiries (company_id, store_id, category_id, subtopic_id, status, created_by, comment, created_at, updated_at)
    select cs.id, st.id, 1 + g % 8, null,
           case when g > ${Math.floor(sizes.inquiries * 0.97)} then 'received' when g > ${Math.floor(sizes.inquiries * 0.9)} then 'in_progress' else 'completed' end,
           cu.id, 'お問い合わせ ' || g,
           now() - interval '730 days' + g * (interval '730 days' / ${Math.max(1, sizes.inquiries)}),
           now() - interval '730 days' + g * (interval '730 days' / ${Math.max(1, sizes.inquiries)}) + (g % 97) * interval '1 hour'
      from generate_series(1, ${sizes.inquiries}) g
      join cs on cs.n = g % 100
      join st on st.company_id = cs.id and st.n = g % 10
      join cu on cu.company_id = cs.id`);
  await db.query(`insert into files (storage_key, name, mime, size, uploaded_by)
    select md5(i.id::text) || md5(i.id::text), 'photo' || i.id || '.jpg', 'image/jpeg', 1000 + i.id, i.created_by
      from inquiries i where (i.id / 100) % 10 < 3`);
  await db.query(`insert into inquiry_attachments (inquiry_id, message_id, file_id, created_at)
    select i.id, null, f.id, i.created_at from files f join inquiries i on f.name = 'photo' || i.id || '.jpg'`);
  const customer = await db.query<{ id: number; company_id: number }>(
    `select u.id, u.company_id from users u where u.company_id = (select id from companies where slug = 'bench50')`,
  );
  // Conversations: the first 500 workers each talk with a client, a few messages each.
  await db.query(`insert into conversations (job_id, direct_key, created_at, last_message_at)
    select null, least(w, c) || ':' || greatest(w, c) || ':', now(), now() - (w % 100) * interval '1 minute'
      from generate_series(${STAFF + 1}, ${STAFF + 500}) w, lateral (select ${STAFF + WORKERS + 1} + w % ${CLIENTS} as c) x`);
  await db.query(`insert into conversation_members (conversation_id, user_id)
    select c.id, split_part(c.direct_key, ':', k)::int from conversations c, generate_series(1, 2) k`);
  await db.query(`insert into messages (conversation_id, sender_id, body, created_at)
    select m.conversation_id, m.user_id, 'メッセージ ' || g, now() - g * interval '1 minute'
      from conversation_members m, generate_series(1, 5) g`);
  const customerRow = customer.rows[0];
  return {
    sizes,
    staff: { userId: 1, roles: ['staff'], companyId: null },
    customer: {
      userId: customerRow?.id ?? 0,
      roles: ['customer'],
      companyId: customerRow?.company_id ?? null,
    },
    chatty: { userId: STAFF + 1, roles: ['worker'], companyId: null },
    workers: { first: STAFF + 1, count: WORKERS },
    clients: { first: STAFF + WORKERS + 1, count: CLIENTS },
    jobIds: { first: 1, count: sizes.jobs },
  };
}

export function benchCases(s: DomainServices, d: Seeded): BenchCase[] {
  const worker = (i: number): Actor => ({
    userId: d.workers.first + ((i * 7919) % d.workers.count),
    roles: ['worker'],
    companyId: null,
  });
  const page = (i: number, size = 5) => ({ offset: (i % 20) * size, limit: size });
  return [
    {
      name: 'jobs.listOpen (first page)',
      run: async () => (await s.jobs.listOpen({}, { offset: 0, limit: 5 })).items.length,
    },
    {
      name: 'jobs.listOpen (pages 1–20)',
      run: async (i) => (await s.jobs.listOpen({}, page(i))).items.length,
    },
    {
      name: 'jobs.listOpen keyword',
      run: async (i) =>
        (await s.jobs.listOpen({ keyword: SKILLS[i % SKILLS.length] ?? 'Excel' }, page(i))).items.length,
    },
    {
      name: 'jobs.listOpen skill + prefecture',
      run: async (i) =>
        (
          await s.jobs.listOpen(
            { skill: SKILLS[i % SKILLS.length] ?? 'Excel', prefecture: PREFECTURES[i % 10] ?? '東京都' },
            page(i, 10),
          )
        ).items.length,
    },
    {
      name: 'applications.listMine',
      run: async (i) => (await s.applications.listMine(worker(i), page(i, 10))).items.length,
    },
    {
      name: 'inquiries.search (staff, all)',
      run: async (i) => (await s.inquiryReads.search(d.staff, {}, page(i, 10))).items.length,
    },
    {
      name: 'inquiries.search (staff, filters)',
      run: async (i) =>
        (
          await s.inquiryReads.search(d.staff, {
            status: (['received', 'in_progress', 'completed'] as const)[i % 3] ?? 'received',
            prefecture: PREFECTURES[i % 10] ?? '東京都',
          })
        ).items.length,
    },
    {
      name: 'inquiries.search (staff, category+month)',
      run: async (i) => {
        const month = `2026-${String(1 + (i % 10)).padStart(2, '0')}`;
        return (
          await s.inquiryReads.search(d.staff, {
            categoryId: 1 + (i % 8),
            period: { from: `${month}-01`, to: `${month}-28` },
          })
        ).items.length;
      },
    },
    {
      name: 'inquiries.search (customer)',
      run: async (i) => (await s.inquiryReads.search(d.customer, {}, page(i, 10))).items.length,
    },
    {
      name: 'inquiries.files (staff)',
      run: async (i) => (await s.inquiryReads.files(d.staff, {}, page(i, 10))).items.length,
    },
    {
      name: 'inquiries.files (customer)',
      run: async (i) => (await s.inquiryReads.files(d.customer, {}, page(i, 10))).items.length,
    },
    {
      name: 'workers.find (all)',
      run: async (i) => (await s.workers.find(d.staff, {}, page(i, 10))).items.length,
    },
    {
      name: 'workers.find (skill + status)',
      run: async (i) =>
        (
          await s.workers.find(
            d.staff,
            { skill: SKILLS[i % SKILLS.length] ?? 'Excel', status: 'available' },
            page(i, 10),
          )
        ).items.length,
    },
    {
      name: 'messages.myConversations',
      run: async (i) =>
        (await s.messages.myConversations({ ...d.chatty, userId: d.chatty.userId + (i % 500) })).items.length,
    },
    {
      name: 'applications.listForJob',
      run: async (i) =>
        (await s.applications.listForJob(d.staff, d.jobIds.first + ((i * 104729) % d.jobIds.count))).length,
    },
  ];
}
