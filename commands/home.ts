/**
 * ホーム / トップ / home (issue 19, item 3): what needs the person's attention now, per role, each with
 * the button that takes the next step. Slack's `/bot` with nothing after it leads here.
 * - worker: applications waiting for them (start, deliver, revise), answers to their questions,
 *   invoice items to confirm, the next pay date;
 * - staff: new applications, deliveries to review, open inquiries, work close to its pay deadline,
 *   disputed invoice items;
 * - client: new applications and deliveries to review on the jobs they posted;
 * - customer: their open inquiries with the latest message.
 * Nothing to do is said plainly, with the usual starting points.
 */
import type { Command, CommandContext } from '../src/chat/command.ts';
import type { Block, Button, ListBlock } from '../src/chat/types.ts';
import { text } from '../src/chat/types.ts';
import { businessMonth, payDateFor } from '../src/domain/work/pay-date.ts';
import { jobTitles } from './job-card.ts';
import { businessDateText, yen } from './kit/format.ts';

/** Rows per section: a phone screen, and inside every platform's limits. */
const ROWS = 5;

type Section = { title: string; items: ListBlock['items'] };

async function workerSections(ctx: CommandContext): Promise<Section[]> {
  const { t, actor } = ctx;
  const { store } = ctx.services;
  const sections: Section[] = [];
  const mine = await store.uow.read((tx) =>
    tx.work.applications.find(
      { workerId: actor.userId, status: ['accepted', 'working', 'revision_requested'] },
      { orderBy: { updatedAt: 'desc' }, limit: ROWS },
    ),
  );
  if (mine.length > 0) {
    const titles = await jobTitles(
      ctx,
      mine.map((a) => a.jobId),
    );
    const items: ListBlock['items'] = [];
    for (const a of mine) {
      // Accepted but no work files yet: nothing to start; the application says who will send them.
      const waiting = a.status === 'accepted' && a.workFilesHandedAt === null;
      const next: [string, string] = waiting
        ? [t('home.open_application'), `application ${a.id}`]
        : a.status === 'accepted'
          ? [t('home.worker.start'), `start ${a.id}`]
          : [t('home.worker.deliver'), `deliver ${a.id}`];
      items.push({
        title: `#${a.id} ${titles.get(a.jobId) ?? ''}`,
        description: waiting
          ? t('home.worker.status.waiting_files')
          : t(`home.worker.status.${a.status}` as never),
        button: await ctx.button(next[0], next[1]),
      });
    }
    sections.push({ title: t('home.worker.applications'), items });
  }
  const since = new Date(ctx.services.clock().getTime() - 14 * 24 * 3600 * 1000);
  const answered = await store.uow.read(async (tx) => {
    const apps = await tx.work.applications.find(
      { workerId: actor.userId },
      { orderBy: { id: 'desc' }, limit: 50 },
    );
    if (apps.length === 0) return [];
    const questions = await tx.work.questions.find(
      { applicationId: apps.map((a) => a.id) },
      { orderBy: { answeredAt: 'desc' }, limit: 20 },
    );
    return questions.filter((q) => q.answeredAt !== null && q.answeredAt >= since).slice(0, ROWS);
  });
  if (answered.length > 0) {
    const items: ListBlock['items'] = [];
    for (const q of answered)
      items.push({
        title: t('home.worker.answer', { id: q.id, application: q.applicationId }),
        description: q.answer ?? '',
        button: await ctx.button(t('home.open_application'), `application ${q.applicationId}`),
      });
    sections.push({ title: t('home.worker.answers'), items });
  }
  const pending = await store.uow.read((tx) =>
    tx.work.invoiceItems.find({ workerId: actor.userId, status: 'pending' }, { orderBy: { id: 'asc' } }),
  );
  if (pending.length > 0) {
    const items: ListBlock['items'] = [];
    for (const i of pending.slice(0, ROWS))
      items.push({
        title: `#${i.id} ${i.description}`,
        description: `${yen(ctx, i.amountYen)}`,
        button: await ctx.button(t('home.worker.confirm'), `confirm ${i.id}`),
      });
    sections.push({ title: t('home.worker.invoice', { count: pending.length }), items });
  }
  // The next pay date: this month's work is paid after it closes.
  const month = businessMonth(ctx.services.clock(), ctx.services.config.businessTimeZone);
  sections.push({
    title: t('home.worker.pay_date', { date: businessDateText(ctx, payDateFor(month)) }),
    items: [],
  });
  return sections;
}

/**
 * New applications and deliveries waiting for review: on every job (staff), or on the jobs the person
 * posted (a client), as the domain's home queries say (src/domain/home.ts).
 */
async function reviewSections(ctx: CommandContext): Promise<Section[]> {
  const { t } = ctx;
  const sections: Section[] = [];
  const { applications, deliveries } = await ctx.services.domain.home.reviews(ctx.actor, { limit: ROWS });
  if (applications.rows.length > 0) {
    const items: ListBlock['items'] = [];
    for (const { application: a, jobTitle } of applications.rows)
      items.push({
        title: t('home.staff.application', { id: a.id, job: jobTitle }),
        button: await ctx.button(t('home.staff.applicants'), `applicants ${a.jobId}`),
      });
    sections.push({ title: t('home.staff.new_applications'), items });
  }
  if (deliveries.rows.length > 0) {
    const items: ListBlock['items'] = [];
    for (const { application: a, jobTitle } of deliveries.rows)
      items.push({
        title: t('home.staff.application', { id: a.id, job: jobTitle }),
        button: await ctx.button(t('home.staff.review'), `review ${a.id}`),
      });
    sections.push({ title: t('home.staff.deliveries'), items });
  }
  return sections;
}

async function staffSections(ctx: CommandContext): Promise<Section[]> {
  const { t } = ctx;
  const sections = await reviewSections(ctx);
  const disputed = await ctx.services.domain.home.disputes(ctx.actor, { limit: ROWS });
  const open = await ctx.services.domain.inquiryReads.search(
    ctx.actor,
    { status: 'received' },
    { offset: 0, limit: ROWS },
  );
  if (open.items.length > 0) {
    const items: ListBlock['items'] = [];
    for (const row of open.items)
      items.push({
        title: t('home.inquiry', { id: row.inquiry.id, company: row.companyName }),
        description: row.latest?.body.split('\n')[0]?.slice(0, 80) ?? '',
        button: await ctx.button(t('home.open_inquiry'), `inquiry ${row.inquiry.id}`),
      });
    sections.push({ title: t('home.staff.inquiries', { count: open.total }), items });
  }
  // Received work close to its 60-day pay deadline (docs/domain.md §1.9).
  const due = await ctx.services.domain.payDeadlines.list(ctx.actor);
  if (due.length > 0) {
    const items: ListBlock['items'] = [];
    for (const d of due.slice(0, ROWS))
      items.push({
        title: d.itemId === null ? `#${d.applicationId} ${d.description}` : `#${d.itemId} ${d.description}`,
        description: t('home.staff.pay_by', {
          date: businessDateText(ctx, d.payBy),
          amount: yen(ctx, d.amountYen),
        }),
        button: await ctx.button(t('home.staff.pay_deadlines_open'), 'pay-deadlines'),
      });
    sections.push({ title: t('home.staff.pay_deadlines', { count: due.length }), items });
  }
  if (disputed.rows.length > 0) {
    const items: ListBlock['items'] = [];
    for (const { item: i } of disputed.rows)
      items.push({
        title: `#${i.id} ${i.description}`,
        description: `${yen(ctx, i.amountYen)} ${i.disputeComment ?? ''}`.trim(),
        button: await ctx.button(t('home.staff.invoice'), `invoice #${i.workerId} ${i.month}`),
      });
    sections.push({ title: t('home.staff.disputes'), items });
  }
  return sections;
}

async function customerSections(ctx: CommandContext): Promise<Section[]> {
  const { t } = ctx;
  const sections: Section[] = [];
  const found = await ctx.services.domain.inquiryReads.search(ctx.actor, {}, { offset: 0, limit: 20 });
  const open = found.items.filter((r) => r.inquiry.status !== 'completed').slice(0, ROWS);
  if (open.length > 0) {
    const items: ListBlock['items'] = [];
    for (const row of open)
      items.push({
        title: t('home.inquiry', { id: row.inquiry.id, company: t(`support.status.${row.inquiry.status}`) }),
        description: row.latest
          ? t(row.latest.fromCustomer ? 'home.latest_customer' : 'home.latest_staff', {
              body: row.latest.body.split('\n')[0]?.slice(0, 80) ?? '',
            })
          : '',
        button: await ctx.button(t('home.open_inquiry'), `inquiry ${row.inquiry.id}`),
      });
    sections.push({ title: t('home.customer.inquiries'), items });
  }
  return sections;
}

export const home: Command = {
  name: 'home',
  aliases: { ja: ['ホーム', 'トップ', 'マイページ'], en: ['home', 'top'] },
  summary: 'cmd.home.summary',
  async run(ctx) {
    const { t, actor } = ctx;
    const sections: Section[] = [];
    if (actor.roles.includes('staff') || actor.roles.includes('admin'))
      sections.push(...(await staffSections(ctx)));
    else if (actor.roles.includes('client')) sections.push(...(await reviewSections(ctx)));
    if (actor.roles.includes('worker')) sections.push(...(await workerSections(ctx)));
    if (actor.roles.includes('customer')) sections.push(...(await customerSections(ctx)));
    const blocks: Block[] = [text(t('home.title', { name: ctx.user.displayName }))];
    const withRows = sections.filter((s) => s.items.length > 0);
    for (const s of sections)
      blocks.push(s.items.length > 0 ? { type: 'list', title: s.title, items: s.items } : text(s.title));
    if (withRows.length === 0) blocks.push(text(t('home.nothing')));
    const starts: Button[] = [];
    if (actor.roles.includes('worker')) {
      starts.push(await ctx.button(t('home.jobs'), 'jobs'));
      starts.push(await ctx.button(t('home.terms'), 'order-terms'));
    }
    if (actor.roles.includes('client')) starts.push(await ctx.button(t('home.post_job'), 'post-job'));
    if (actor.roles.includes('customer')) starts.push(await ctx.button(t('home.new_inquiry'), 'inquiry-new'));
    starts.push(await ctx.button(t('home.help'), 'help'));
    blocks.push({ type: 'buttons', buttons: starts });
    return { blocks };
  },
};
