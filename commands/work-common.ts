/**
 * What the work-portal commands share: reading arguments, showing money, dates and months in the
 * business time zone, paging, attachments, and the names (jobs, files, people) that the services
 * return only as ids.
 */
import { parseId } from '../src/chat/args.ts';
import type { CommandContext } from '../src/chat/command.ts';
import { type Block, type Button, type CardBlock, type FileBlock, fileBlock } from '../src/chat/types.ts';
import { zonedParts, zonedTimeToInstant } from '../src/domain/work/pay-date.ts';
import type { ApplicationStatus, JobRecord } from '../src/domain/work/records.ts';
import { UserError } from '../src/errors.ts';
import type { UploadedFile } from '../src/files/storage.ts';
import { formatDate, formatMonth, formatYen } from '../src/i18n/format.ts';
import type { Locale, MessageKey } from '../src/i18n/index.ts';

/** Items per page of every work list: a phone screen, far inside each platform's limits. */
export const WORK_PAGE_SIZE = 5;

export type UsageKey = Extract<MessageKey, `work.usage.${string}`>;

/** The id at `args[index]`: missing → the command's usage line; malformed → `error.bad_id`. */
export function idArg(ctx: CommandContext, index: number, usage: UsageKey): number {
  const arg = ctx.args[index];
  if (arg === undefined || arg === '') throw new UserError(usage);
  return parseId(arg);
}

/** Everything typed after the first `skip` arguments (free text such as a message or a reason). */
export function textFrom(ctx: CommandContext, skip: number): string {
  return ctx.args.slice(skip).join(' ').trim();
}

/** A 1-based page number; none means the first page. */
export function pageArg(arg: string | undefined): number {
  if (arg === undefined) return 1;
  const page = /^#?\d{1,6}$/.test(arg) ? Number(arg.replace('#', '')) : Number.NaN;
  if (!Number.isInteger(page) || page < 1) throw new UserError('work.bad_page');
  return page;
}

/**
 * Previous/next buttons for page `page` of `total` items (`command` gets the page number appended),
 * or nothing when everything fits on one page.
 */
export async function pageNav(
  ctx: CommandContext,
  command: string,
  page: number,
  total: number,
  size = WORK_PAGE_SIZE,
): Promise<Block[]> {
  const buttons: Button[] = [];
  if (page > 1) buttons.push(await ctx.button(ctx.t('work.button.prev'), `${command} ${page - 1}`));
  if (page * size < total)
    buttons.push(await ctx.button(ctx.t('work.button.next'), `${command} ${page + 1}`, 'primary'));
  if (buttons.length === 0) return [];
  const pages = Math.ceil(total / size);
  return [
    { type: 'text', text: ctx.t('work.page', { page, pages }) },
    { type: 'buttons', buttons },
  ];
}

/** Files the message carried, already in file storage (the adapter stored them). */
export function attachedFiles(ctx: CommandContext): UploadedFile[] {
  if (ctx.event.kind !== 'message') return [];
  return (ctx.event.attachments ?? []).flatMap((a) =>
    a.storageKey ? [{ storageKey: a.storageKey, name: a.name, mime: a.mime, size: a.size }] : [],
  );
}

export const yen = (ctx: CommandContext, amount: number) => formatYen(amount, ctx.locale);

export const dateText = (ctx: CommandContext, date: Date) =>
  formatDate(date, ctx.locale, ctx.services.config.businessTimeZone);

/** A business date `YYYY-MM-DD` (e.g. a pay date) as users read dates. */
export function businessDateText(ctx: CommandContext, ymd: string): string {
  const [year, month, day] = ymd.split('-').map(Number) as [number, number, number];
  const tz = ctx.services.config.businessTimeZone;
  return formatDate(zonedTimeToInstant({ year, month, day, hour: 12, minute: 0 }, tz), ctx.locale, tz);
}

/** `2026-11` → `2026年11月` / `Nov 2026`. */
export function monthText(locale: Locale, month: string): string {
  return formatMonth(month, locale);
}

/** Today in the business time zone, `YYYY-MM-DD` (what `parseDate` completes a year from). */
export function businessToday(ctx: CommandContext): string {
  const p = zonedParts(ctx.services.clock(), ctx.services.config.businessTimeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The end of business day `YYYY-MM-DD` (23:59 in the business zone): a deadline typed as a date. */
export function endOfBusinessDay(ctx: CommandContext, ymd: string): Date {
  const [year, month, day] = ymd.split('-').map(Number) as [number, number, number];
  return zonedTimeToInstant({ year, month, day, hour: 23, minute: 59 }, ctx.services.config.businessTimeZone);
}

export const statusLabel = (ctx: CommandContext, status: ApplicationStatus) =>
  ctx.t(`application.status.${status}`);

/** `a、b` / `a, b`, or the translated "none". */
export function joined(ctx: CommandContext, values: readonly string[]): string {
  return values.length === 0 ? ctx.t('work.none') : values.join(ctx.t('common.separator'));
}

// The services return ids only; these read the names shown next to them. Call them only with ids
// the service has just returned to this actor, so they reveal nothing the actor may not see.

export async function jobTitles(ctx: CommandContext, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.services.store.uow.read((tx) => tx.work.jobs.find({ id: [...new Set(ids)] }));
  return new Map(rows.map((j) => [j.id, j.title]));
}

export async function fileNames(
  ctx: CommandContext,
  fileIds: readonly number[],
): Promise<Map<number, string>> {
  if (fileIds.length === 0) return new Map();
  const rows = await ctx.services.store.uow.read((tx) => tx.files.find({ id: [...new Set(fileIds)] }));
  return new Map(rows.map((f) => [f.id, f.name]));
}

/**
 * The files themselves, in the order given, as blocks a reply hands over (each adapter sends the
 * bytes its platform's way). Called only after the service checked the person may see the record.
 */
export async function fileBlocks(ctx: CommandContext, fileIds: readonly number[]): Promise<FileBlock[]> {
  if (fileIds.length === 0) return [];
  const rows = await ctx.services.store.uow.read((tx) => tx.files.find({ id: [...new Set(fileIds)] }));
  const byId = new Map(rows.map((f) => [f.id, f]));
  return [...new Set(fileIds)].flatMap((id) => {
    const f = byId.get(id);
    return f ? [fileBlock({ storageKey: f.storageKey, name: f.name, mime: f.mime, size: f.size })] : [];
  });
}

export async function userNames(ctx: CommandContext, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.services.store.uow.read((tx) => tx.users.find({ id: [...new Set(ids)] }));
  return new Map(rows.map((u) => [u.id, u.displayName]));
}

/** `name (#12)`, or `#12` when the name is unknown. */
export const personText = (names: Map<number, string>, id: number) =>
  names.has(id) ? `${names.get(id)} (#${id})` : `#${id}`;

/** One job notice as a card: everything a worker needs to decide, in the business time zone. */
export function jobCard(ctx: CommandContext, job: JobRecord): CardBlock {
  const { t } = ctx;
  const reward =
    job.rewardType === 'unit' && job.unitPriceYen !== null && job.quantity !== null
      ? t('work.job.reward_unit', {
          unit: yen(ctx, job.unitPriceYen),
          quantity: job.quantity,
          total: yen(ctx, job.rewardYen),
        })
      : yen(ctx, job.rewardYen);
  const fields = [
    { label: t('work.field.status'), value: t(`job.status.${job.status}`) },
    { label: t('jobs.field.reward'), value: reward },
    { label: t('jobs.field.openings'), value: t('jobs.openings', { count: job.openings }) },
    {
      label: t('jobs.field.deadline'),
      value: job.deadline ? dateText(ctx, job.deadline) : t('jobs.no_deadline'),
    },
    ...(job.dueDate ? [{ label: t('work.field.due_date'), value: dateText(ctx, job.dueDate) }] : []),
    { label: t('jobs.field.location'), value: job.remote ? t('jobs.remote') : (job.prefecture ?? '-') },
    ...(job.skills.length > 0 ? [{ label: t('work.field.skills'), value: joined(ctx, job.skills) }] : []),
  ];
  // 機密案件: whoever sees this card is cleared or manages the job; the requirement is stated.
  if (job.confidential)
    fields.push({
      label: `🔒 ${t('checks.confidential.label')}`,
      value: t('checks.confidential.staff_note'),
    });
  return {
    type: 'card',
    title: `#${job.id} ${job.title}`,
    ...(job.category ? { subtitle: job.category } : {}),
    ...(job.description ? { body: job.description } : {}),
    fields,
  };
}
