/**
 * The App Home tab as Block Kit (docs/domain.md §2.14, docs/platforms.md §2.10): a `home` view of at
 * most 100 blocks. Each list has a header with its count, at most `HOME_ROWS` rows (the unassigned
 * inquiries `HOME_UNASSIGNED_ROWS`) and a line saying how many more there are and what to type in chat
 * to see them, so the view never outgrows its limit: for staff at most 2 + 4 dividers + (1 + 5 + 1) +
 * 4 × (1 + 10 + 1) = 61 blocks. Texts stay well inside Block Kit's (section ≤ 3,000, header ≤ 150, button ≤ 75).
 * Buttons carry the command itself (`inquiry 12`): pressing one is the same as typing it, and the
 * answer comes in the Messages tab.
 */
import type { Button, HomeView, KnownBlock, SectionBlock } from '@slack/types';
import type { Counted, DeskHomeRow, DisputedItem, WaitingApplication } from '../../src/domain/home.ts';
import { formatDate, formatDayTime, formatMonth, formatYen } from '../../src/i18n/format.ts';
import { type Locale, type MessageKey, t, translateRaw } from '../../src/i18n/index.ts';
import { clip } from '../shared/text.ts';
import { slaLine } from './desk-sla.ts';
import { MAX_BUTTON_TEXT, mrkdwnEscape } from './render.ts';

/** A button of the home view: its value is the command to run for the person. */
export const HOME_OPEN = 'home-open';
/** The 更新 button: publishes the view again. */
export const HOME_REFRESH = 'home-refresh';
export const HOME_ROWS = 10;
export const HOME_UNASSIGNED_ROWS = 5;
/** Header blocks: plain text of at most 150 characters. */
const MAX_HEADER = 150;
/** Any text a person wrote (a job title, a description, a comment), as a row shows it. */
const MAX_WRITTEN = 300;

export interface HomeContent {
  name: string;
  userId: number;
  /** Staff: the desk (assigned to them, unassigned near their SLA). */
  desk?: { mine: Counted<DeskHomeRow>; unassigned: Counted<DeskHomeRow> } | undefined;
  /** Staff, or someone who posts jobs: applications and deliveries waiting. */
  reviews?:
    | { applications: Counted<WaitingApplication>; deliveries: Counted<WaitingApplication> }
    | undefined;
  /** Staff: disputed invoice items. */
  disputes?: Counted<DisputedItem> | undefined;
  /** The link to each inquiry's desk thread whose card is posted. */
  threads: ReadonlyMap<number, string>;
}

interface Draw {
  locale: Locale;
  timeZone: string;
  tr: (key: MessageKey, params?: Record<string, string | number>) => string;
}

const plain = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: clip(text, max),
  emoji: true,
});
const written = (s: string) => mrkdwnEscape(clip(s.replace(/\s+/g, ' ').trim(), MAX_WRITTEN));
const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: mrkdwnEscape(text) }],
});

function button(label: string, command: string, action = HOME_OPEN): Button {
  return { type: 'button', action_id: action, text: plain(label, MAX_BUTTON_TEXT), value: command };
}

function row(text: string, accessory: Button): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text }, accessory };
}

function list<T>(
  out: KnownBlock[],
  d: Draw,
  key: 'mine' | 'unassigned' | 'applications' | 'deliveries' | 'disputes',
  page: Counted<T>,
  draw: (item: T) => SectionBlock,
): void {
  out.push({ type: 'header', text: plain(d.tr(`apphome.${key}.title`, { count: page.total }), MAX_HEADER) });
  if (page.rows.length === 0) out.push(context(d.tr(`apphome.${key}.none`)));
  for (const item of page.rows) out.push(draw(item));
  const more = page.total - page.rows.length;
  if (more > 0) out.push(context(d.tr(`apphome.${key}.more`, { count: more })));
}

function inquiryRow(d: Draw, r: DeskHomeRow, thread: string | undefined): SectionBlock {
  const { inquiry } = r;
  const title = mrkdwnEscape(d.tr('desk.card.title', { id: inquiry.id }));
  const head = thread ? `*<${thread}|${title}>*` : `*${title}*`;
  const category = d.locale === 'ja' ? r.category.nameJa : r.category.nameEn;
  const where = r.store ? `${r.store.name}(${r.store.prefecture})` : d.tr('desk.card.no_store');
  const status = d.tr(`support.status.${inquiry.status}` as MessageKey);
  const sla = slaLine(r.sla, d.locale) || d.tr('apphome.inquiry.no_target');
  const sep = d.tr('apphome.separator');
  const lines = [
    `${head}  ${mrkdwnEscape(category)}`,
    [written(where), written(r.companyName), mrkdwnEscape(status)].join(sep),
    `⏱ ${mrkdwnEscape(sla)}`,
  ];
  return row(lines.join('\n'), button(d.tr('home.open_inquiry'), `inquiry ${inquiry.id}`));
}

function applicationRow(d: Draw, w: WaitingApplication, delivered: boolean): SectionBlock {
  const a = w.application;
  const title = d.tr('home.staff.application', { id: a.id, job: clip(w.jobTitle, MAX_WRITTEN) });
  const since = d.tr(delivered ? 'apphome.deliveries.since' : 'apphome.applications.since', {
    date: formatDate(delivered ? (a.deliveredAt ?? a.updatedAt) : a.createdAt, d.locale, d.timeZone),
  });
  const next = delivered
    ? button(d.tr('home.staff.review'), `review ${a.id}`)
    : button(d.tr('home.staff.applicants'), `applicants ${a.jobId}`);
  return row(`*${written(title)}*\n${mrkdwnEscape(since)}`, next);
}

function disputeRow(d: Draw, x: DisputedItem, userId: number): SectionBlock {
  const { item } = x;
  const facts = [x.workerName, formatMonth(item.month, d.locale), formatYen(item.amountYen, d.locale)];
  if (item.createdBy === userId) facts.push(d.tr('apphome.disputes.yours'));
  const lines = [
    `*#${item.id} ${written(item.description)}*`,
    facts.map(written).join(d.tr('apphome.separator')),
  ];
  if (item.disputeComment) lines.push(`> ${written(item.disputeComment)}`);
  return row(lines.join('\n'), button(d.tr('home.staff.invoice'), `invoice #${item.workerId} ${item.month}`));
}

/** The home view of a linked person, drawn at `now`. */
export function homeView(c: HomeContent, locale: Locale, timeZone: string, now: Date): HomeView {
  const d: Draw = { locale, timeZone, tr: (key, params) => translateRaw(locale, key, params) };
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(d.tr('apphome.title', { name: c.name }), MAX_HEADER) },
    row(
      mrkdwnEscape(d.tr('apphome.drawn', { time: formatDayTime(now, locale, timeZone) })),
      button(d.tr('apphome.refresh'), 'refresh', HOME_REFRESH),
    ),
  ];
  if (!c.desk) {
    // Not staff: their own home is the chat's (docs/domain.md §7.6), one tap away.
    blocks.push(row(mrkdwnEscape(d.tr('apphome.chat_home')), button(d.tr('apphome.open_home'), 'home')));
  }
  if (c.desk) {
    blocks.push({ type: 'divider' });
    list(blocks, d, 'mine', c.desk.mine, (r) => inquiryRow(d, r, c.threads.get(r.inquiry.id)));
    blocks.push({ type: 'divider' });
    list(blocks, d, 'unassigned', c.desk.unassigned, (r) => inquiryRow(d, r, c.threads.get(r.inquiry.id)));
  }
  if (c.reviews) {
    blocks.push({ type: 'divider' });
    list(blocks, d, 'applications', c.reviews.applications, (w) => applicationRow(d, w, false));
    list(blocks, d, 'deliveries', c.reviews.deliveries, (w) => applicationRow(d, w, true));
  }
  if (c.disputes) {
    blocks.push({ type: 'divider' });
    list(blocks, d, 'disputes', c.disputes, (x) => disputeRow(d, x, c.userId));
  }
  return { type: 'home', blocks };
}

/** The home view of a Slack user not linked to anyone: how to link (連携) or join (参加). */
export function unlinkedView(locale: Locale): HomeView {
  const section = (key: MessageKey): KnownBlock => ({
    type: 'section',
    text: { type: 'mrkdwn', text: mrkdwnEscape(translateRaw(locale, key)) },
  });
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: plain(t(locale, 'apphome.unlinked.title'), MAX_HEADER) },
      section('apphome.unlinked.body'),
      section('apphome.unlinked.link'),
      section('apphome.unlinked.invite'),
      context(t(locale, 'apphome.unlinked.after')),
    ],
  };
}
