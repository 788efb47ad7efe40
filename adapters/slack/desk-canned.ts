/**
 * 定型文 in the desk channel's inquiry threads (docs/domain.md §2.12, docs/platforms.md §2.9). Slack
 * runs no app's slash command in a thread, so staff insert a canned reply in two other ways:
 * - a thread reply `定型文 <名前>` / `canned <name>` (a reply starting so never reaches the customer as
 *   typed: a missing or unknown name is answered privately);
 * - the message shortcut 「定型文を送る」 (`message_action`, callback `desk-canned`) on any message of
 *   the thread, which opens a modal to pick one (`views.open`, a `static_select`).
 * Either way the reply is filled for the inquiry in the customer's language, posted in the thread
 * under the staff member's name and sent exactly as a typed thread reply is: one message on the
 * inquiry by them, 📤 at once, "✅ delivered" once delivered (desk-staff.ts `onDelivery`).
 */
import type { App, MessageShortcut, RespondFn } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { SLACK_CHANNEL_ID, SLACK_TEAM_ID, SLACK_TS, SLACK_USER_ID } from '../../src/chat/ids.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import { UserError } from '../../src/errors.ts';
import { type Locale, t, translateRaw } from '../../src/i18n/index.ts';
import type { DeskStore } from '../../src/store.ts';
import { jsonField } from './json-field.ts';
import { mrkdwnEscape } from './render.ts';

export const CANNED_SHORTCUT = 'desk-canned';
export const CANNED_VIEW = 'desk-canned-send';
/** The select's block and action id. */
const PICK = 'canned';
/** A thread reply that names a canned reply (after NFKC): `定型文 お礼`, `canned thanks`, `!定型文:お礼`. */
const TRIGGER = /^!?(?:定型文|canned)(?=$|[\s:])[\s:]*([\s\S]*)$/iu;
/** Slack's limits: option text ≤ 75, section text ≤ 3,000 (docs/platforms.md §2.5). */
const OPTION_TEXT = 75;
const SECTION_TEXT = 2900;

/** Where the modal sends the reply: carried in `private_metadata`. */
const metadata = z.object({
  inquiryId: z.number().int().positive(),
  channel: z.string().regex(SLACK_CHANNEL_ID),
  threadTs: z.string().regex(SLACK_TS),
});
type Metadata = z.infer<typeof metadata>;

const who = {
  user: z.looseObject({
    id: z.string().regex(SLACK_USER_ID),
    team_id: z.string().regex(SLACK_TEAM_ID).optional(),
  }),
  team: z
    .looseObject({ id: z.string().regex(SLACK_TEAM_ID) })
    .nullable()
    .optional(),
};

/** The message shortcut's payload, as far as it is read here (checked by inbound.ts). */
export const cannedShortcutBody = z.looseObject({
  ...who,
  callback_id: z.literal(CANNED_SHORTCUT),
  channel: z.looseObject({ id: z.string().regex(SLACK_CHANNEL_ID) }),
  message: z.looseObject({
    ts: z.string().regex(SLACK_TS),
    thread_ts: z.string().regex(SLACK_TS).optional(),
  }),
  response_url: z.url({ protocol: /^https?$/ }).max(3000),
});

/** The modal's submission (checked by inbound.ts). */
export const cannedViewBody = z.looseObject({
  ...who,
  view: z.looseObject({
    callback_id: z.literal(CANNED_VIEW),
    private_metadata: jsonField(metadata),
    state: z.looseObject({
      values: z.record(
        z.string().max(255),
        z.record(
          z.string().max(255),
          z.looseObject({
            selected_option: z
              .looseObject({ value: z.string().max(150) })
              .nullable()
              .optional(),
          }),
        ),
      ),
    }),
  }),
});

export interface DeskCannedOptions {
  client: WebClient;
  desk: DeskStore;
  domain: DomainServices;
  /** The Slack user as staff (null when not linked or not staff), and the language to answer in. */
  staffOf(team: string, user: string): Promise<{ actor: Actor | null; locale: Locale }>;
}

const plain = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: [...text].slice(0, max).join(''),
});

export class DeskCanned {
  private readonly o: DeskCannedOptions;

  constructor(options: DeskCannedOptions) {
    this.o = options;
  }

  listen(app: App): void {
    app.shortcut<MessageShortcut>(CANNED_SHORTCUT, async ({ ack, shortcut, respond }) => {
      await ack();
      await this.open(shortcut, respond);
    });
    app.view(CANNED_VIEW, async ({ ack, body, view }) => {
      const team = String(body.team?.id ?? body.user.team_id ?? '');
      const meta = metadata.parse(JSON.parse(view.private_metadata));
      const picked = view.state.values[PICK]?.[PICK]?.selected_option?.value ?? '';
      const { actor, locale } = await this.o.staffOf(team, body.user.id);
      // Not staff any more, or the reply was deleted meanwhile: said under the select.
      const name = actor ? await this.nameOf(actor, picked) : null;
      if (!actor || name === null) {
        const error = actor ? t(locale, 'canned.slack.gone') : t(locale, 'desk.relay.not_staff');
        await ack({ response_action: 'errors', errors: { [PICK]: error } });
        return;
      }
      await ack();
      await this.send(actor, locale, body.user.id, meta, name);
    });
  }

  /**
   * A thread reply naming a canned reply: sent (true), or, when it names none or more than one
   * word, answered privately (true as well: it is never relayed as typed). False for any other reply.
   */
  async fromThread(
    actor: Actor,
    locale: Locale,
    user: string,
    at: Metadata,
    typed: string,
  ): Promise<boolean> {
    const m = TRIGGER.exec(typed.normalize('NFKC').trim());
    if (!m) return false;
    const words = (m[1] ?? '').split(/\s+/u).filter(Boolean);
    const [name] = words;
    if (words.length !== 1 || name === undefined) {
      const names = (await this.o.domain.cannedReplies.list(actor)).map((c) => c.name).join(', ');
      await this.tell(at, user, t(locale, 'canned.slack.usage', { names: names || '—' }));
      return true;
    }
    await this.send(actor, locale, user, at, name);
    return true;
  }

  /** The shortcut: a modal to pick one, or why there is none to pick (privately, by `response_url`). */
  private async open(s: MessageShortcut, respond: RespondFn): Promise<void> {
    const say = async (text: string) => {
      await respond({ response_type: 'ephemeral', text });
    };
    const { actor, locale } = await this.o.staffOf(String(s.team?.id ?? s.user.team_id ?? ''), s.user.id);
    if (!actor) {
      await say(t(locale, 'desk.relay.not_staff'));
      return;
    }
    const threadTs = String(s.message.thread_ts ?? s.message.ts);
    const inquiryId = await this.o.desk.inquiryAt(s.channel.id, threadTs);
    if (inquiryId === null) {
      await say(t(locale, 'canned.slack.not_in_thread'));
      return;
    }
    const all = await this.o.domain.cannedReplies.list(actor);
    const first = all[0];
    if (!first) {
      await say(t(locale, 'canned.slack.none'));
      return;
    }
    let customer: { name: string; locale: Locale };
    try {
      // Filling one tells whose language it will be in, and refuses a completed inquiry now.
      const filled = await this.o.domain.cannedReplies.fill(actor, inquiryId, first.name);
      customer = { name: filled.customerName, locale: filled.locale };
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      await say(translateRaw(locale, err.key, err.params));
      return;
    }
    const view: ModalView = {
      type: 'modal',
      callback_id: CANNED_VIEW,
      private_metadata: JSON.stringify({ inquiryId, channel: s.channel.id, threadTs } satisfies Metadata),
      title: plain(t(locale, 'canned.slack.title'), 24),
      submit: plain(t(locale, 'canned.slack.submit'), 24),
      close: plain(t(locale, 'canned.slack.close'), 24),
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: mrkdwnEscape(
              t(locale, 'canned.slack.to', {
                id: inquiryId,
                customer: customer.name,
                language: t(locale, customer.locale === 'en' ? 'canned.list.en' : 'canned.list.ja'),
              }),
            ),
          },
        },
        {
          type: 'input',
          block_id: PICK,
          label: plain(t(locale, 'canned.slack.pick'), 2000),
          element: {
            type: 'static_select',
            action_id: PICK,
            options: all.slice(0, 100).map((c) => ({
              text: plain(`${c.name} — ${c.bodyJa.replace(/\s+/gu, ' ')}`, OPTION_TEXT),
              value: String(c.id),
            })),
          },
        },
      ],
    };
    await this.o.client.views.open({ trigger_id: s.trigger_id, view });
  }

  private async nameOf(actor: Actor, id: string): Promise<string | null> {
    const all = await this.o.domain.cannedReplies.list(actor);
    return all.find((c) => String(c.id) === id)?.name ?? null;
  }

  /** Posts the filled reply in the thread, then sends it on the inquiry as the staff member's message. */
  private async send(actor: Actor, locale: Locale, user: string, at: Metadata, name: string): Promise<void> {
    const { client, domain, desk } = this.o;
    const refused = async (err: unknown) => {
      if (!(err instanceof UserError)) throw err;
      await this.tell(at, user, translateRaw(locale, err.key, err.params));
    };
    const filled = await domain.cannedReplies.fill(actor, at.inquiryId, name).catch(refused);
    if (!filled) return;
    // The thread reads in the desk's language (as the mirror writes it); the text is what the customer gets.
    const header = `<@${user}> ${mrkdwnEscape(t('ja', 'canned.slack.header', { name: filled.canned.name }))}`;
    const posted = await client.chat.postMessage({
      channel: at.channel,
      thread_ts: at.threadTs,
      text: filled.text.slice(0, 3000),
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: `${header}\n${mrkdwnEscape(filled.text)}`.slice(0, SECTION_TEXT) },
        },
      ],
    });
    const ts = String(posted.ts);
    try {
      const { record } = await domain.inquiries.addMessage(actor, at.inquiryId, { body: filled.text });
      await desk.recordDeskMessage(record.id, at.inquiryId, at.channel, ts);
    } catch (err) {
      // Not sent (completed meanwhile, say): the thread must not show it as if it were.
      await client.chat.delete({ channel: at.channel, ts });
      return refused(err);
    }
    await client.reactions.add({ channel: at.channel, timestamp: ts, name: 'outbox_tray' });
  }

  private async tell(at: Metadata, user: string, text: string): Promise<void> {
    await this.o.client.chat.postEphemeral({ channel: at.channel, user, thread_ts: at.threadTs, text });
  }
}
