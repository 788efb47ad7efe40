/** Support desk tables and queries (src/domain/support/ports.ts). */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  COUNT_LIMIT,
  type InquiryFilter,
  type InquiryListRow,
  type SearchPage,
  type StoreSearch,
  type SupportTables,
} from '../../src/domain/support/ports.ts';
import type {
  AttachmentView,
  InquiryCategoryRecord,
  InquiryRecord,
  InquiryStatus,
  InquirySubtopicRecord,
  StoreRecord,
} from '../../src/domain/support/records.ts';
import type { Page, PageRequest } from '../../src/domain/table.ts';
import { deskReportInquiries } from '../desk-report.ts';
import { CannedReply, InquiryRating } from '../entities/desk-tools.ts';
import {
  CompanyStaff,
  Inquiry,
  InquiryAttachment,
  InquiryCategory,
  InquiryMessage,
  InquirySubtopic,
  Store,
} from '../entities/support.ts';
import { asRecord, inOrder, likeEscape } from '../sql.ts';
import { mikroTable } from '../table.ts';
import { deskTables } from './support-desk.ts';

interface ListRow {
  inquiry: unknown;
  company_name: string;
  store: unknown;
  category: unknown;
  subtopic: unknown;
  latest_body: string | null;
  latest_author: number | null;
  latest_at: Date | string | null;
}

interface Sql {
  where: string[];
  params: unknown[];
}

/** Filters on the inquiry aliased `i`; shared by the inquiry list and the files list. */
function inquiryConditions(filter: InquiryFilter): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  const eq = (column: string, value: unknown) => {
    where.push(`${column} = ?`);
    params.push(value);
  };
  if (filter.companyId !== undefined) eq('i.company_id', filter.companyId);
  if (filter.categoryId !== undefined) eq('i.category_id', filter.categoryId);
  if (filter.storeId !== undefined) eq('i.store_id', filter.storeId);
  if (filter.status !== undefined) eq('i.status', filter.status);
  if (filter.createdBy !== undefined) eq('i.created_by', filter.createdBy);
  if (filter.prefecture !== undefined) {
    where.push(`i.store_id in (select s.id from stores s where s.prefecture = ?)`);
    params.push(filter.prefecture);
  }
  if (filter.createdFrom !== undefined) {
    where.push(`i.created_at >= ?`);
    params.push(filter.createdFrom);
  }
  if (filter.createdBefore !== undefined) {
    where.push(`i.created_at < ?`);
    params.push(filter.createdBefore);
  }
  return { where, params };
}

/** A company's stores (aliased `s`) matching the search. */
function storeConditions(companyId: number, search: StoreSearch): Sql {
  const where = ['s.company_id = ?'];
  const params: unknown[] = [companyId];
  for (const term of search.terms ?? []) {
    where.push(`(s.name ilike ? or s.prefecture ilike ? or s.region ilike ?)`);
    const pattern = `%${likeEscape(term)}%`;
    params.push(pattern, pattern, pattern);
  }
  if (search.region !== undefined) {
    where.push('s.region = ?');
    params.push(search.region);
  }
  if (search.prefecture !== undefined) {
    where.push('s.prefecture = ?');
    params.push(search.prefecture);
  }
  return { where, params };
}

const hasPeriod = (filter: InquiryFilter) =>
  filter.createdFrom !== undefined || filter.createdBefore !== undefined;

const whereClause = (where: string[]) => (where.length > 0 ? `where ${where.join(' and ')}` : '');

interface AttachmentRow {
  attachment_id: number;
  inquiry_id: number;
  message_id: number | null;
  file_id: number;
  name: string;
  mime: string;
  size: string | number;
  storage_key: string;
  uploaded_by: number;
  created_at: Date | string;
}

const ATTACHMENT_COLUMNS = `a.id as attachment_id, a.inquiry_id, a.message_id, a.file_id, f.name, f.mime, f.size,
  f.storage_key, f.uploaded_by, a.created_at`;

const toAttachment = (r: AttachmentRow): AttachmentView => ({
  attachmentId: r.attachment_id,
  inquiryId: r.inquiry_id,
  messageId: r.message_id,
  fileId: r.file_id,
  name: r.name,
  mime: r.mime,
  size: Number(r.size),
  storageKey: r.storage_key,
  uploadedBy: r.uploaded_by,
  createdAt: new Date(r.created_at),
});

export function supportTables(em: EntityManager): SupportTables {
  const stores = mikroTable<StoreRecord, never>(em, Store);
  const inquiries = mikroTable<InquiryRecord, never>(em, Inquiry);

  /**
   * One page of `select` plus the total. The total is counted only when the page cannot tell it,
   * and only up to `COUNT_LIMIT` or the end of this page (whichever is further): past that, a count
   * would read every match. `countFrom` may drop joins the count does not need; `orderBy` names
   * output columns.
   *
   * `fence` (for a period filter): Postgres assumes matches are spread evenly over the sort order,
   * so it walks the newest-first index until it has a page. Creation and update times move together,
   * though, and an old period then means walking past every newer row (48,000 of 100,000 for a month
   * half a year back). Fenced (`offset 0`), the matches are found through the creation-time index
   * first and only they are sorted: the work is bounded by the period, not by its age.
   */
  async function paged<T>(
    query: {
      select: string;
      from: string;
      countFrom?: string;
      params: unknown[];
      orderBy: string;
      fence?: boolean;
      /** Builds the statement around the page (`page` is its name): joins, so one statement answers. */
      around?: (pageSql: string) => string;
    },
    page: PageRequest,
  ): Promise<{ rows: T[]; total: number; totalIsAtLeast: boolean }> {
    const { select, from, countFrom = from, params, orderBy } = query;
    const source = query.fence
      ? `select * from (select ${select} ${from} offset 0) m`
      : `select ${select} ${from}`;
    const pageSql = `${source} order by ${orderBy} limit ? offset ?`;
    const rows = await em.execute<T[]>(query.around ? query.around(pageSql) : pageSql, [
      ...params,
      page.limit,
      page.offset,
    ]);
    // A short page that is not empty ends the list: its end is the total.
    if (rows.length < page.limit && (rows.length > 0 || page.offset === 0)) {
      return { rows, total: page.offset + rows.length, totalIsAtLeast: false };
    }
    const cap = Math.max(COUNT_LIMIT, page.offset + page.limit);
    const [count] = await em.execute<{ n: string }[]>(
      `select count(*) as n from (select 1 ${countFrom} limit ?) matches`,
      [...params, cap + 1],
    );
    const n = Number(count?.n ?? 0);
    return { rows, total: Math.min(n, cap), totalIsAtLeast: n > cap };
  }

  return {
    ...deskTables(em),
    stores: mikroTable(em, Store),
    companyStaff: mikroTable(em, CompanyStaff),
    categories: mikroTable(em, InquiryCategory),
    subtopics: mikroTable(em, InquirySubtopic),
    inquiries: mikroTable(em, Inquiry),
    messages: mikroTable(em, InquiryMessage),
    attachments: mikroTable(em, InquiryAttachment),
    ratings: mikroTable(em, InquiryRating),
    cannedReplies: mikroTable(em, CannedReply),

    async searchStores(companyId: number, search: StoreSearch, page): Promise<Page<StoreRecord>> {
      const { where, params } = storeConditions(companyId, search);
      const { rows, total } = await paged<{ id: number }>(
        {
          select: 's.id',
          from: `from stores s ${whereClause(where)}`,
          params,
          orderBy: 's.name asc, s.id asc',
        },
        page,
      );
      return {
        items: await inOrder(
          stores,
          rows.map((r) => r.id),
        ),
        total,
      };
    },

    async storePositions(companyId, search, ids) {
      if (ids.length === 0) return new Map<number, number>();
      const { where, params } = storeConditions(companyId, search);
      // Numbered in the order searchStores lists them.
      const rows = await em.execute<{ id: number; n: string }[]>(
        `select id, n from (select s.id, row_number() over (order by s.name asc, s.id asc) as n
           from stores s ${whereClause(where)}) numbered where id in (${ids.map(() => '?').join(', ')})`,
        [...params, ...ids],
      );
      return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
    },

    async storeRegions(companyId) {
      const rows = await em.execute<{ region: string; stores: string }[]>(
        `select region, count(*) as stores from stores where company_id = ? group by region order by region`,
        [companyId],
      );
      return rows.map((r) => ({ region: r.region, stores: Number(r.stores) }));
    },

    async searchInquiries(filter, page): Promise<SearchPage<InquiryRecord>> {
      const { where, params } = inquiryConditions(filter);
      const { rows, ...total } = await paged<{ id: number }>(
        {
          select: 'i.id, i.updated_at',
          from: `from inquiries i ${whereClause(where)}`,
          params,
          orderBy: 'updated_at desc, id desc',
          fence: hasPeriod(filter),
        },
        page,
      );
      return {
        items: await inOrder(
          inquiries,
          rows.map((r) => r.id),
        ),
        ...total,
      };
    },

    async searchInquiryList(filter, page): Promise<SearchPage<InquiryListRow>> {
      // One statement for the page with everything a row shows (company, store, category, sub-topic,
      // the latest message, through a lateral join on its index), and one count when the page is full.
      const { where, params } = inquiryConditions(filter);
      const { rows, ...total } = await paged<ListRow>(
        {
          select: 'i.id, i.updated_at',
          from: `from inquiries i ${whereClause(where)}`,
          params,
          orderBy: 'updated_at desc, id desc',
          fence: hasPeriod(filter),
          around: (pageSql) => `with page as (${pageSql})
            select to_jsonb(i) as inquiry, c.name as company_name, to_jsonb(s) as store,
                   to_jsonb(cat) as category, to_jsonb(sub) as subtopic,
                   lm.body as latest_body, lm.author_id as latest_author, lm.created_at as latest_at
              from page
              join inquiries i on i.id = page.id
              join companies c on c.id = i.company_id
              join inquiry_categories cat on cat.id = i.category_id
              left join stores s on s.id = i.store_id
              left join inquiry_subtopics sub on sub.id = i.subtopic_id
              left join lateral (
                select m.body, m.author_id, m.created_at from inquiry_messages m
                 where m.inquiry_id = i.id order by m.id desc limit 1
              ) lm on true
             order by page.updated_at desc, page.id desc`,
        },
        page,
      );
      const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
      return {
        items: rows.map((r) => {
          const inquiry = asRecord<InquiryRecord>(em, Inquiry, json(r.inquiry));
          return {
            inquiry,
            companyName: r.company_name,
            store: r.store ? asRecord<StoreRecord>(em, Store, json(r.store)) : null,
            category: asRecord<InquiryCategoryRecord>(em, InquiryCategory, json(r.category)),
            subtopic: r.subtopic
              ? asRecord<InquirySubtopicRecord>(em, InquirySubtopic, json(r.subtopic))
              : null,
            latest:
              r.latest_at === null
                ? null
                : {
                    body: r.latest_body ?? '',
                    authorId: r.latest_author,
                    fromCustomer: r.latest_author === inquiry.createdBy,
                    createdAt: new Date(r.latest_at),
                  },
          };
        }),
        ...total,
      };
    },

    async searchAttachments(filter, page): Promise<SearchPage<AttachmentView>> {
      const { where, params } = inquiryConditions(filter);
      const { rows, ...total } = await paged<
        AttachmentRow & { inquiry_status: InquiryStatus; category_id: number }
      >(
        {
          select: `${ATTACHMENT_COLUMNS}, i.status as inquiry_status, i.category_id`,
          from: `from inquiry_attachments a join inquiries i on i.id = a.inquiry_id join files f on f.id = a.file_id
                 ${whereClause(where)}`,
          // Every attachment has its file (foreign key): counting needs only the inquiry's filters.
          countFrom: `from inquiry_attachments a join inquiries i on i.id = a.inquiry_id ${whereClause(where)}`,
          params,
          orderBy: filter.oldestFirst
            ? 'created_at asc, attachment_id asc'
            : 'created_at desc, attachment_id desc',
          fence: hasPeriod(filter),
        },
        page,
      );
      return {
        items: rows.map((r) => ({
          ...toAttachment(r),
          inquiryStatus: r.inquiry_status,
          categoryId: r.category_id,
        })),
        ...total,
      };
    },

    deskReport: (range) => deskReportInquiries(em, range),

    async attachmentsOf(inquiryId) {
      const rows = await em.execute<AttachmentRow[]>(
        `select ${ATTACHMENT_COLUMNS} from inquiry_attachments a join files f on f.id = a.file_id
          where a.inquiry_id = ? order by a.id`,
        [inquiryId],
      );
      return rows.map(toAttachment);
    },
  };
}
