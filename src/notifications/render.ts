/**
 * A notification (outbox row) as a Reply in the recipient's language, with a button where one helps.
 * Fan-out kinds (job alerts, notices) render themselves (src/domain/audience/kinds.ts).
 */
import { type Button, type FileBlock, fileBlock, type Reply } from '../chat/types.ts';
import type { OutboxRecord } from '../domain/shared.ts';
import { termsText } from '../domain/work/order-terms-text.ts';
import { formatDate, formatDayTime, formatMonth, formatYen } from '../i18n/format.ts';
import { type Locale, type MessageKey, t, translateRaw } from '../i18n/index.ts';
import type { Store } from '../store.ts';
import { askRating } from './csat.ts';

export interface RenderDeps {
  store: Store;
  timeZone: string;
  /** A short-token button for the recipient (see Bot). */
  button(userId: number, label: string, command: string): Promise<Button>;
}

const text = (value: string) => ({ type: 'text' as const, text: value });

/**
 * A payload as a bag of values: the generic templates read whatever fields it has, each checked
 * for its type where it is used (rows written before a payload gained a field lack it).
 */
const payloadOf = (row: OutboxRecord): Readonly<Record<string, unknown>> => row.payload;

/** Payload values as template parameters, with money, dates and labels made readable. */
function params(row: OutboxRecord, locale: Locale, timeZone: string): Record<string, string | number> {
  const payload = payloadOf(row);
  const p: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(payload)) {
    if (typeof v === 'string' || typeof v === 'number') p[k] = v;
  }
  const yen = (k: string) => (typeof payload[k] === 'number' ? formatYen(payload[k] as number, locale) : '');
  p.amount = yen('amountYen');
  p.previous = yen('previousAmountYen');
  p.total = yen('totalYen');
  // A business month (`2026-11`) reads as 2026年11月 / Nov 2026, as everywhere else.
  if (typeof payload.month === 'string') p.month = formatMonth(payload.month, locale);
  if (typeof payload.payDate === 'string') {
    p.payDate = formatDate(new Date(`${payload.payDate}T12:00:00Z`), locale, timeZone);
  }
  if (row.type === 'inquiry.status' && typeof payload.status === 'string') {
    p.status = translateRaw(locale, `support.status.${payload.status}` as MessageKey);
  }
  if (row.type.startsWith('identity.') && typeof payload.kind === 'string') {
    p.kindLabel = translateRaw(locale, `checks.kind.${payload.kind}` as MessageKey);
  }
  if (typeof payload.dueAt === 'string') p.due = formatDate(new Date(payload.dueAt), locale, timeZone);
  // The after-hours reply (docs/domain.md §2.9): when the desk opens, and whom to call meanwhile.
  if (typeof payload.opensAt === 'string')
    p.opensAt = formatDayTime(new Date(payload.opensAt), locale, timeZone);
  if (Array.isArray(payload.phones)) {
    const phones = payload.phones.join(' / ');
    p.urgent = phones === '' ? '' : translateRaw(locale, 'notify.inquiry.urgent_phones', { phones });
  }
  if (typeof payload.decision === 'string') {
    p.decision = translateRaw(locale, `notify.decision.${payload.decision}` as MessageKey);
  }
  return p;
}

export async function renderNotification(
  row: OutboxRecord,
  locale: Locale,
  deps: RenderDeps,
): Promise<Reply> {
  if (row.type === 'inquiry.message') {
    const shown = await inquiryMessage(row, locale, deps);
    if (shown) return shown;
  }
  const key = (
    row.type === 'invoice.item_added' && payloadOf(row).corrected === true
      ? 'notify.invoice.item_corrected'
      : row.type === 'identity.decided'
        ? `notify.identity.${payloadOf(row).verdict === 'verified' ? 'verified' : 'rejected'}`
        : row.type === 'inquiry.created' && payloadOf(row).assigneeId === row.recipientUserId
          ? 'notify.inquiry.created_assigned'
          : `notify.${row.type}`
  ) as MessageKey;
  const said = await whatTheyWrote(row, locale, deps);
  const terms = await termsOf(row, locale, deps);
  const reply: Reply = {
    locale,
    blocks: [
      text(
        [
          translateRaw(locale, key, params(row, locale, deps.timeZone)),
          ...(said ? [said] : []),
          ...(terms ? [terms] : []),
        ].join('\n\n'),
      ),
    ],
  };
  // Staff decide from the notification itself (Slack DMs, LINE pushes): the buttons run the commands.
  const buttons = [
    ...(await decisionButtons(row, locale, deps)),
    ...(await nextStepButtons(row, locale, deps)),
  ];
  if (buttons.length > 0) reply.blocks.push({ type: 'buttons', buttons });
  // A completed inquiry: the customer is asked for their 満足度 (csat.ts).
  const { inquiryId, status } = payloadOf(row);
  if (row.type === 'inquiry.status' && status === 'completed' && typeof inquiryId === 'number')
    await askRating(reply, row.recipientUserId, inquiryId, locale, deps);
  // Work files handed over and files delivered travel with the notification itself.
  reply.blocks.push(...(await filesOfPayload(row, deps)));
  return reply;
}

async function filesOfPayload(row: OutboxRecord, deps: RenderDeps): Promise<FileBlock[]> {
  const ids = payloadOf(row).fileIds;
  if (!Array.isArray(ids) || ids.length === 0) return [];
  const numbers = ids.filter((id): id is number => Number.isSafeInteger(id) && id > 0);
  const rows = await deps.store.uow.read((tx) => tx.files.find({ id: numbers }));
  const byId = new Map(rows.map((f) => [f.id, f]));
  return numbers.flatMap((id) => {
    const f = byId.get(id);
    return f ? [fileBlock({ storageKey: f.storageKey, name: f.name, mime: f.mime, size: f.size })] : [];
  });
}

/**
 * The terms of the order (取引条件) that an acceptance or a change of terms states, whole: the
 * notification is how they are given to the worker (docs/domain.md §1.4).
 */
async function termsOf(row: OutboxRecord, locale: Locale, deps: RenderDeps): Promise<string | null> {
  const termsId = payloadOf(row).termsId;
  if (typeof termsId !== 'number') return null;
  const terms = await deps.store.uow.read((tx) => tx.work.orderTerms.get(termsId));
  return terms ? termsText(terms, locale, deps.timeZone) : null;
}

/** What the other person wrote, quoted, at most this long; the button to the record shows it whole. */
const QUOTE_MAX = 600;

function quote(label: string, body: string | null | undefined, locale: Locale): string | null {
  const trimmed = body?.trim();
  if (!trimmed) return null;
  const clipped =
    [...trimmed].length > QUOTE_MAX
      ? `${[...trimmed].slice(0, QUOTE_MAX).join('')}…${t(locale, 'notify.quote.more')}`
      : trimmed;
  return `${label}\n${clipped}`;
}

/**
 * The words behind a notification, so nobody has to go and look: the reason for a rejection or a
 * cancellation, the question and its answer, the revision request, the note with work files or with
 * a delivery.
 */
async function whatTheyWrote(row: OutboxRecord, locale: Locale, deps: RenderDeps): Promise<string | null> {
  const p = payloadOf(row);
  const appId = typeof p.applicationId === 'number' ? p.applicationId : null;
  switch (row.type) {
    case 'application.rejected':
    case 'application.cancelled': {
      if (appId === null) return null;
      const app = await deps.store.uow.read((tx) => tx.work.applications.get(appId));
      return quote(t(locale, 'notify.quote.reason'), app?.decisionReason, locale);
    }
    case 'question.asked':
    case 'question.answered': {
      if (typeof p.questionId !== 'number') return null;
      const questionId = p.questionId;
      const q = await deps.store.uow.read((tx) => tx.work.questions.get(questionId));
      if (!q) return null;
      const asked = quote(t(locale, 'notify.quote.question'), q.body, locale);
      const answered =
        row.type === 'question.answered' ? quote(t(locale, 'notify.quote.answer'), q.answer, locale) : null;
      return [asked, answered].filter(Boolean).join('\n\n') || null;
    }
    case 'delivery.revision_requested':
    case 'delivery.received': {
      if (appId === null) return null;
      const [latest] = await deps.store.uow.read((tx) =>
        tx.work.deliveries.find({ applicationId: appId }, { orderBy: { id: 'desc' }, limit: 1 }),
      );
      return row.type === 'delivery.revision_requested'
        ? quote(t(locale, 'notify.quote.revision'), latest?.feedback, locale)
        : quote(t(locale, 'notify.quote.delivery_note'), latest?.note, locale);
    }
    case 'work_files.handed':
      return quote(t(locale, 'notify.quote.note'), typeof p.note === 'string' ? p.note : null, locale);
    case 'invoice.item_withdrawn':
    case 'identity.decided':
      return quote(t(locale, 'notify.quote.reason'), typeof p.reason === 'string' ? p.reason : null, locale);
    case 'invoice.item_added':
      return quote(
        t(locale, 'notify.quote.correction'),
        typeof p.reason === 'string' ? p.reason : null,
        locale,
      );
    default:
      return null;
  }
}

/** The next thing the recipient can do, and the way to the whole record. */
async function nextStepButtons(row: OutboxRecord, locale: Locale, deps: RenderDeps): Promise<Button[]> {
  const p = payloadOf(row);
  const to = row.recipientUserId;
  const b = (key: MessageKey, command: string) => deps.button(to, translateRaw(locale, key), command);
  // Invoice items: confirm it, or see the month's invoice (where 異議 is explained).
  if (row.type === 'invoice.item_added' && typeof p.itemId === 'number' && typeof p.month === 'string')
    return [
      { ...(await b('notify.button.confirm_item', `confirm ${p.itemId}`)), style: 'primary' },
      await b('notify.button.invoice', `invoice ${p.month}`),
    ];
  if (
    (row.type === 'invoice.item_withdrawn' || row.type === 'invoice.item_to_check') &&
    typeof p.month === 'string'
  )
    return [await b('notify.button.invoice', `invoice ${p.month}`)];
  if (row.type === 'identity.decided')
    return p.verdict === 'verified'
      ? [await b('notify.button.nda', 'nda')]
      : [{ ...(await b('notify.button.identity_resubmit', 'identity-submit')), style: 'primary' }];
  if (typeof p.applicationId !== 'number') return [];
  const id = p.applicationId;
  const record = () => b('notify.button.application', `application ${id}`);
  switch (row.type) {
    case 'work_files.handed':
      return [{ ...(await b('notify.button.start', `start ${id}`)), style: 'primary' }, await record()];
    case 'delivery.revision_requested':
      return [{ ...(await b('notify.button.deliver', `deliver ${id}`)), style: 'primary' }, await record()];
    case 'application.accepted':
    case 'order.terms_revised':
      return [await b('notify.button.terms', `order-terms ${id}`), await record()];
    case 'application.rejected':
    case 'application.cancelled':
    case 'question.answered':
    case 'delivery.approved':
      return [await record()];
    case 'question.asked':
      return [await b('notify.button.answer', `answer ${String(p.questionId)}`)];
    default:
      return [];
  }
}

async function decisionButtons(row: OutboxRecord, locale: Locale, deps: RenderDeps): Promise<Button[]> {
  const p = payloadOf(row);
  const to = row.recipientUserId;
  const b = (key: MessageKey, command: string) => deps.button(to, translateRaw(locale, key), command);
  if (row.type === 'application.received' && typeof p.applicationId === 'number') {
    return [
      { ...(await b('notify.button.accept', `accept ${p.applicationId}`)), style: 'primary' },
      { ...(await b('notify.button.reject', `reject ${p.applicationId}`)), style: 'danger' },
      await b('notify.button.applicants', `applicants ${String(p.jobId)}`),
    ];
  }
  if (row.type === 'identity.submitted' && typeof p.userId === 'number') {
    return [
      { ...(await b('notify.button.identity_review', `identity-review ${p.userId}`)), style: 'primary' },
    ];
  }
  if (row.type === 'delivery.received' && typeof p.applicationId === 'number') {
    return [await b('notify.button.review', `review ${p.applicationId}`)];
  }
  if (row.type === 'question.asked' && typeof p.applicationId === 'number') {
    return [await b('notify.button.question', `application ${p.applicationId}`)];
  }
  if (row.type === 'team.invitation' && typeof p.invitationId === 'number') {
    return [
      { ...(await b('notify.button.team_approve', `team-approve ${p.invitationId}`)), style: 'primary' },
      await b('notify.button.team_decline', `team-decline ${p.invitationId}`),
    ];
  }
  if (row.type === 'market.message' && typeof p.conversationId === 'number') {
    return [await b('notify.button.open_chat', `chat ${p.conversationId}`)];
  }
  const inquiryTypes = ['inquiry.created', 'inquiry.status', 'inquiry.after_hours'];
  if (inquiryTypes.includes(row.type) && typeof p.inquiryId === 'number') {
    return [await b('notify.button.inquiry', `inquiry ${p.inquiryId}`)];
  }
  return [];
}

/** A message on an inquiry, shown whole (the reader should not have to go and look). */
async function inquiryMessage(row: OutboxRecord, locale: Locale, deps: RenderDeps): Promise<Reply | null> {
  const { inquiryId, messageId } = payloadOf(row);
  if (typeof inquiryId !== 'number' || typeof messageId !== 'number') return null;
  const found = await deps.store.uow.read(async (tx) => {
    const message = await tx.support.messages.get(messageId);
    const inquiry = await tx.support.inquiries.get(inquiryId);
    if (!message || !inquiry) return null;
    const attachments = await tx.support.attachments.find({ messageId });
    const files = attachments.length ? await tx.files.find({ id: attachments.map((a) => a.fileId) }) : [];
    return { message, inquiry, files };
  });
  if (!found) return null;
  const fromCustomer = found.message.authorId === found.inquiry.createdBy;
  const author = t(locale, fromCustomer ? 'notify.inquiry.author_customer' : 'notify.inquiry.author_staff');
  const lines = [t(locale, 'notify.inquiry.message_body', { inquiryId, author, body: found.message.body })];
  if (found.files.length > 0) {
    lines.push(t(locale, 'notify.inquiry.attachments', { names: found.files.map((f) => f.name).join(', ') }));
  }
  return {
    locale,
    blocks: [
      text(lines.join('\n')),
      {
        type: 'buttons',
        buttons: [
          await deps.button(row.recipientUserId, t(locale, 'notify.button.inquiry'), `inquiry ${inquiryId}`),
        ],
      },
      ...found.files.map((f) =>
        fileBlock({ storageKey: f.storageKey, name: f.name, mime: f.mime, size: f.size }),
      ),
    ],
  };
}
