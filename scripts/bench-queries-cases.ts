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
  // One job in ten is open; deadlines spread over two months; two skills each.
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
            case when g % 10 = 0 then 'open' else 'closed' end,
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
  return {
    sizes,
    staff: { userId: 1, roles: ['staff'], companyId: null },
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
      name: 'applications.listForJob',
      run: async (i) =>
        (await s.applications.listForJob(d.staff, d.jobIds.first + ((i * 104729) % d.jobIds.count))).length,
    },
  ];
}
