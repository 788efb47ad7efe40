/**
 * Reading inquiries: one inquiry with its whole history, the list (問い合わせ一覧) and the files list
 * (ファイル). Customers see their own company only, staff see every company. Related rows are loaded
 * in bulk, a fixed number of queries per page whatever its size.
 */
import { UserError } from '../../errors.ts';
import type { Actor } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { canonicalPrefecture } from '../prefectures.ts';
import type { PageRequest } from '../table.ts';
import type { Tx } from '../tx.ts';
import { deskScope, visibleInquiry } from './access.ts';
import type { InquiryRatingRecord } from './desk-records.ts';
import { type Period, pageOf, periodInstants } from './input.ts';
import type { InquiryFilter, InquiryListRow, SearchPage } from './ports.ts';
import type {
  AttachmentView,
  InquiryCategoryRecord,
  InquiryRecord,
  InquiryStatus,
  InquirySubtopicRecord,
  StoreRecord,
} from './records.ts';

export interface Participant {
  userId: number;
  displayName: string;
  side: 'customer' | 'staff';
}

/** One entry of an inquiry's history: the opening comment (`messageId` null) or a message. */
export interface HistoryEntry {
  messageId: number | null;
  author: Participant;
  body: string;
  createdAt: Date;
  attachments: AttachmentView[];
}

export interface InquiryDetail {
  inquiry: InquiryRecord;
  company: { id: number; name: string };
  store: StoreRecord | null;
  category: InquiryCategoryRecord;
  subtopic: InquirySubtopicRecord | null;
  assignee: Participant | null;
  /** Oldest first, starting with the opening comment. */
  history: HistoryEntry[];
  /** The customer's 満足度 once they gave it (docs/domain.md §2.11). */
  rating: InquiryRatingRecord | null;
}

/** One row of 問い合わせ一覧, with its latest message (the portal shows the latest reply). */
export type InquiryListItem = InquiryListRow;

/** Filters of 問い合わせ一覧 and ファイル; files are filtered by their inquiry. */
export interface InquiryQuery {
  /** ファイル: oldest first (`古い順`) instead of newest first. */
  oldestFirst?: boolean;
  /** Staff may narrow to one company; a customer only ever sees their own. */
  companyId?: number;
  categoryId?: number;
  storeId?: number;
  status?: InquiryStatus;
  /** The store's prefecture: 東京都 or 東京. */
  prefecture?: string;
  createdBy?: number;
  /** Business dates of creation, both ends inclusive, in the business time zone. */
  period?: Period;
}

const unknownUser = (userId: number): Participant => ({ userId, displayName: '', side: 'customer' });

async function participants(tx: Tx, ids: readonly number[]): Promise<Map<number, Participant>> {
  const users = await tx.users.find({ id: [...new Set(ids)] });
  return new Map(
    users.map((u) => [
      u.id,
      {
        userId: u.id,
        displayName: u.displayName,
        side: u.roles.includes('staff') || u.roles.includes('admin') ? 'staff' : 'customer',
      },
    ]),
  );
}

export class InquiryReadService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** One inquiry with its store, category and the whole conversation in order, files included. */
  get(actor: Actor, inquiryId: number): Promise<InquiryDetail> {
    return this.ctx.uow.read(async (tx) => {
      const inquiry = await visibleInquiry(tx, actor, inquiryId);
      // One after another: an EntityManager is not for concurrent use.
      const company = await tx.companies.get(inquiry.companyId);
      const store = inquiry.storeId === null ? null : await tx.support.stores.get(inquiry.storeId);
      const category = await tx.support.categories.get(inquiry.categoryId);
      const subtopic =
        inquiry.subtopicId === null ? null : await tx.support.subtopics.get(inquiry.subtopicId);
      const messages = await tx.support.messages.find({ inquiryId: inquiry.id }, { orderBy: { id: 'asc' } });
      const attachments = await tx.support.attachmentsOf(inquiry.id);
      const rating = await tx.support.ratings.findOne({ inquiryId: inquiry.id });
      if (!company || !category) throw new Error(`inquiry ${inquiry.id} lost its company or category`);
      const people = await participants(tx, [
        inquiry.createdBy,
        ...(inquiry.assigneeId === null ? [] : [inquiry.assigneeId]),
        ...messages.map((m) => m.authorId),
      ]);
      const person = (id: number) => people.get(id) ?? unknownUser(id);
      const filesOf = (messageId: number | null) => attachments.filter((a) => a.messageId === messageId);
      const history: HistoryEntry[] = [
        {
          messageId: null,
          author: person(inquiry.createdBy),
          body: inquiry.comment,
          createdAt: inquiry.createdAt,
          attachments: filesOf(null),
        },
        ...messages.map((m) => ({
          messageId: m.id,
          author: person(m.authorId),
          body: m.body,
          createdAt: m.createdAt,
          attachments: filesOf(m.id),
        })),
      ];
      return {
        inquiry,
        company: { id: company.id, name: company.name },
        store,
        category,
        subtopic,
        assignee: inquiry.assigneeId === null ? null : person(inquiry.assigneeId),
        history,
        rating,
      };
    });
  }

  /** 問い合わせ一覧: newest update first, paginated with the total. */
  search(
    actor: Actor,
    query: InquiryQuery = {},
    page?: Partial<PageRequest>,
  ): Promise<SearchPage<InquiryListItem>> {
    // One statement for the page and one count (support ports: searchInquiryList).
    return this.ctx.uow.read((tx) =>
      tx.support.searchInquiryList(this.filterFor(actor, query), pageOf(page)),
    );
  }

  /** ファイル: every attachment of the matching inquiries, newest first, each with its inquiry id. */
  files(
    actor: Actor,
    query: InquiryQuery = {},
    page?: Partial<PageRequest>,
  ): Promise<SearchPage<AttachmentView>> {
    return this.ctx.uow.read(async (tx) =>
      tx.support.searchAttachments(this.filterFor(actor, query), pageOf(page)),
    );
  }

  /** The query as a port filter: a customer's own company forced, business dates as instants. */
  private filterFor(actor: Actor, query: InquiryQuery): InquiryFilter {
    const scope = deskScope(actor);
    if (scope && query.companyId !== undefined && query.companyId !== scope.companyId) {
      throw new UserError('forbidden');
    }
    const filter: InquiryFilter = { ...periodInstants(query.period, this.ctx.businessTimeZone) };
    const companyId = scope?.companyId ?? query.companyId;
    if (companyId !== undefined) filter.companyId = companyId;
    if (query.categoryId !== undefined) filter.categoryId = query.categoryId;
    if (query.storeId !== undefined) filter.storeId = query.storeId;
    if (query.status !== undefined) filter.status = query.status;
    if (query.createdBy !== undefined) filter.createdBy = query.createdBy;
    if (query.oldestFirst) filter.oldestFirst = true;
    if (query.prefecture !== undefined) {
      const prefecture = canonicalPrefecture(query.prefecture);
      if (!prefecture) throw new UserError('support.prefecture_invalid');
      filter.prefecture = prefecture;
    }
    return filter;
  }
}
