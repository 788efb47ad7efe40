/**
 * 定型文 (canned replies, docs/domain.md §2.12): named texts staff keep and send on an inquiry as their
 * own reply. Each has a Japanese text and optionally an English one; the customer's language picks.
 * Texts may hold placeholders, filled for the inquiry when sent; an unknown placeholder is refused
 * when the text is saved, so a customer never receives a `{…}` nobody filled.
 */
import { UserError } from '../../errors.ts';
import { isLocale, type Locale } from '../../i18n/index.ts';
import { type Actor, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { DuplicateRecordError } from '../table.ts';
import type { Tx } from '../tx.ts';
import { visibleInquiry } from './access.ts';
import type { CannedReplyRecord } from './desk-records.ts';
import { type Created, InquiryService } from './inquiries.ts';
import type { InquiryMessageRecord } from './records.ts';

export const CANNED_NAME_MAX = 30;
/** Room is left for what the placeholders add: a message holds 4,000 characters (input.ts). */
export const CANNED_BODY_MAX = 3000;

/** What a placeholder stands for, and the names it may be written with (either language). */
export const CANNED_PLACEHOLDERS = [
  { field: 'customer', ja: '顧客名', en: 'customer_name' },
  { field: 'inquiry', ja: '問い合わせID', en: 'inquiry_id' },
  { field: 'store', ja: '店舗', en: 'store' },
  { field: 'staff', ja: '担当者', en: 'assignee' },
  { field: 'company', ja: '会社名', en: 'company' },
] as const;
type PlaceholderField = (typeof CANNED_PLACEHOLDERS)[number]['field'];

/** `{顧客名}`, also with full-width braces (｛顧客名｝) as a Japanese keyboard types them. */
const PLACEHOLDER = /[{｛]([^{}｛｝\n]{1,30})[}｝]/gu;
const placeholderKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();
const BY_NAME = new Map<string, PlaceholderField>(
  CANNED_PLACEHOLDERS.flatMap((p) => [
    [placeholderKey(p.ja), p.field],
    [placeholderKey(p.en), p.field],
  ]),
);

/** Every placeholder, as a list for messages: `{顧客名}/{customer_name}, …`. */
export const placeholderList = () => CANNED_PLACEHOLDERS.map((p) => `{${p.ja}}/{${p.en}}`).join(', ');

/** A name as typed: NFKC, no spaces, at most 30 characters. */
export function cannedName(raw: string): { name: string; nameKey: string } {
  const name = raw.normalize('NFKC').trim();
  if (!/^\S+$/u.test(name) || [...name].length > CANNED_NAME_MAX) throw new UserError('canned.name_invalid');
  return { name, nameKey: name.toLowerCase() };
}

/** A text as typed (prose is not normalized), its placeholders all known. */
export function cannedBody(raw: string): string {
  const body = raw.trim();
  if (body === '' || [...body].length > CANNED_BODY_MAX) {
    throw new UserError('canned.body_required', { max: CANNED_BODY_MAX });
  }
  for (const m of body.matchAll(PLACEHOLDER)) {
    if (!BY_NAME.has(placeholderKey(m[1] ?? ''))) {
      throw new UserError('canned.unknown_placeholder', { placeholder: m[0], known: placeholderList() });
    }
  }
  return body;
}

/** The text with every placeholder replaced by its value. */
export function fillPlaceholders(body: string, values: Record<PlaceholderField, string>): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    const field = BY_NAME.get(placeholderKey(name));
    return field ? values[field] : whole;
  });
}

/** A canned reply made ready for one inquiry, in its customer's language. */
export interface FilledReply {
  canned: CannedReplyRecord;
  inquiryId: number;
  /** The customer's language, which picked the text. */
  locale: Locale;
  customerName: string;
  text: string;
}

export class CannedReplyService {
  private readonly ctx: DomainContext;
  private readonly inquiries: InquiryService;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
    this.inquiries = new InquiryService(ctx);
  }

  /** 定型文一覧: by name. */
  list(actor: Actor): Promise<CannedReplyRecord[]> {
    return this.ctx.uow.read(async (tx) => {
      requireStaff(actor);
      return tx.support.cannedReplies.find({}, { orderBy: { nameKey: 'asc' } });
    });
  }

  /** One by name (case and width ignored); a typo is answered with the names there are. */
  get(actor: Actor, name: string): Promise<CannedReplyRecord> {
    return this.ctx.uow.read(async (tx) => {
      requireStaff(actor);
      return named(tx, name);
    });
  }

  /** 定型文登録: a new name with its Japanese text. */
  add(actor: Actor, rawName: string, rawBody: string): Promise<CannedReplyRecord> {
    const { name, nameKey } = cannedName(rawName);
    const bodyJa = cannedBody(rawBody);
    return this.ctx.uow
      .run(async (tx) => {
        requireStaff(actor);
        if (await tx.support.cannedReplies.findOne({ nameKey }))
          throw new UserError('canned.exists', { name });
        const now = this.ctx.clock();
        const row = await tx.support.cannedReplies.insert({
          name,
          nameKey,
          bodyJa,
          bodyEn: null,
          createdBy: actor.userId,
          updatedBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await audit(tx, actor, 'canned.added', row);
        return row;
      })
      .catch((err: unknown) => {
        // Two staff saving the same name at once: the unique key decides.
        if (err instanceof DuplicateRecordError) throw new UserError('canned.exists', { name });
        throw err;
      });
  }

  /** 定型文編集 (the Japanese text) and 定型文英語 (the English one; null removes it). */
  edit(
    actor: Actor,
    rawName: string,
    change: { ja: string } | { en: string | null },
  ): Promise<CannedReplyRecord> {
    const patch =
      'ja' in change
        ? { bodyJa: cannedBody(change.ja) }
        : { bodyEn: change.en === null ? null : cannedBody(change.en) };
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const row = await named(tx, rawName);
      const updated = await tx.support.cannedReplies.update(row.id, {
        ...patch,
        updatedBy: actor.userId,
        updatedAt: this.ctx.clock(),
      });
      await audit(tx, actor, 'ja' in change ? 'canned.edited' : 'canned.english_set', updated);
      return updated;
    });
  }

  /** 定型文削除. */
  remove(actor: Actor, rawName: string): Promise<CannedReplyRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const row = await named(tx, rawName);
      await tx.support.cannedReplies.delete({ id: row.id });
      await audit(tx, actor, 'canned.deleted', row);
      return row;
    });
  }

  /**
   * The reply filled for an inquiry the actor (staff) may answer: the customer's language picks the
   * text (English when they read English and there is one), the placeholders get the inquiry's
   * values; {担当者}/{assignee} is the staff member sending it.
   */
  fill(actor: Actor, inquiryId: number, rawName: string): Promise<FilledReply> {
    return this.ctx.uow.read(async (tx) => {
      requireStaff(actor);
      const canned = await named(tx, rawName);
      const inquiry = await visibleInquiry(tx, actor, inquiryId);
      if (inquiry.status === 'completed')
        throw new UserError('support.inquiry_completed', { id: inquiry.id });
      const customer = await tx.users.get(inquiry.createdBy);
      const sender = await tx.users.get(actor.userId);
      const company = await tx.companies.get(inquiry.companyId);
      const store = inquiry.storeId === null ? null : await tx.support.stores.get(inquiry.storeId);
      const locale: Locale = customer && isLocale(customer.locale) ? customer.locale : 'ja';
      const body = locale === 'en' && canned.bodyEn !== null ? canned.bodyEn : canned.bodyJa;
      const customerName = customer?.displayName ?? '';
      const text = fillPlaceholders(body, {
        customer: customerName,
        inquiry: String(inquiry.id),
        store: store?.name ?? '',
        staff: sender?.displayName ?? '',
        company: company?.name ?? '',
      });
      return { canned, inquiryId: inquiry.id, locale, customerName, text };
    });
  }

  /** 定型文送信: the filled reply sent on the inquiry as the actor's own message. */
  async send(
    actor: Actor,
    inquiryId: number,
    rawName: string,
  ): Promise<Created<InquiryMessageRecord> & { filled: FilledReply }> {
    const filled = await this.fill(actor, inquiryId, rawName);
    const sent = await this.inquiries.addMessage(actor, inquiryId, { body: filled.text });
    return { ...sent, filled };
  }
}

async function named(tx: Tx, rawName: string): Promise<CannedReplyRecord> {
  const { name, nameKey } = cannedName(rawName);
  const row = await tx.support.cannedReplies.findOne({ nameKey });
  if (row) return row;
  const all = await tx.support.cannedReplies.find({}, { orderBy: { nameKey: 'asc' }, limit: 30 });
  if (all.length === 0) throw new UserError('canned.not_found_empty', { name });
  throw new UserError('canned.not_found', { name, names: all.map((c) => c.name).join(', ') });
}

function audit(tx: Tx, actor: Actor, action: string, row: CannedReplyRecord): Promise<void> {
  return tx.audit({
    actorUserId: actor.userId,
    action,
    subjectType: 'canned_reply',
    subjectId: row.id,
    data: { name: row.name },
  });
}
