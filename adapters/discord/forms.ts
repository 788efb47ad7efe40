/**
 * Guided flows as Discord modals (modal.ts draws a page, modal-pages.ts lays the pages out): the
 * first page opens when a command or a button starts a flow; each submitted page is answered with a
 * button that opens the next one ("続きを入力 (2/3)"), since Discord does not answer a modal's
 * submission with another modal (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type:
 * MODAL is "not available for MODAL_SUBMIT and PING interactions"); the last one submits the whole flow through
 * Bot.submitForm. What it refuses is listed with a button per page to reopen it, filled in as it was.
 * Files uploaded in a modal are fetched and checked against the upload rules as soon as their page
 * is submitted (a refused one is named, with the button to its page), then handed over as Slack's
 * form does: by field name, the 4th argument of submitForm.
 */
import type { APIAttachment, APIModalSubmission } from 'discord-api-types/v10';
import type { Bot } from '../../src/chat/bot.ts';
import {
  type Button,
  type ChatEvent,
  type FileBlock,
  type FormField,
  filesOf,
  type Reply,
  text,
} from '../../src/chat/types.ts';
import { UserError } from '../../src/errors.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import { DEFAULT_UPLOAD_RULES, type UploadRules } from '../../src/files/uploads.ts';
import { type Locale, t, translateRaw } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import type { Store, UserRecord } from '../../src/store.ts';
import { formId, pageButtonId, parseFormId, parsePageButton } from './inbound.ts';
import { labelParts, type Modal, modalOf } from './modal.ts';
import {
  answersBefore,
  answersOf,
  askable,
  type Describe,
  draftOf,
  type ModalDraft,
  newDraft,
  nextPage,
  pageCount,
  pageOf,
  pending,
  submittedValues,
} from './modal-pages.ts';
import { fetchAttachments } from './options.ts';
import { type DiscordMessage, type RenderOptions, renderDiscordMessages } from './render.ts';

/** What an interaction is answered with; a modal keeps messages to send in case it is too late for one. */
export type Answer =
  | { kind: 'duplicate' }
  | { kind: 'messages'; messages: DiscordMessage[]; files?: FileBlock[]; locale?: Locale }
  | { kind: 'modal'; modal: Modal; messages: DiscordMessage[]; begin?: () => Promise<void> };

export interface DiscordFormsOptions {
  bot: Bot;
  store: Store;
  files: FileStorage;
  uploadRules?: UploadRules;
  log: Logger;
  /** Classic or Components V2 (render.ts), as for every answer. */
  render?: RenderOptions;
}

export class DiscordForms {
  private readonly o: DiscordFormsOptions;

  constructor(options: DiscordFormsOptions) {
    this.o = options;
  }

  /**
   * The first modal of a flow a command started, and what to keep once it is shown (it replaces the
   * step-by-step questions); null when the flow stays step by step. Typed in the conversation
   * (`/bot text:`), a flow is a modal only when one page of text and choices holds all of it, as
   * before: there, files and long flows are answered message by message.
   */
  async first(
    event: ChatEvent,
    form: NonNullable<Reply['form']>,
    locale: Locale,
    conversation: boolean,
  ): Promise<{ modal: Modal; begin: (userId: number) => Promise<void> } | null> {
    const { flowId, preset } = form;
    // Later pages add `/<page>` to the custom id (≤ 100 characters).
    if (formId({ flowId, page: 99, preset }).length > 100) return null;
    const draft = newDraft(preset, form.files);
    const next = await nextPage(this.describe(event, flowId), draft);
    if (next.fields.length === 0) return null;
    if (conversation && (next.rest > 0 || next.fields.some((f) => f.type === 'files'))) return null;
    draft.pages.push(next.fields.map((f) => f.name));
    const modal = this.modal(flowId, 1, pageCount(1, next.rest), next.fields, draft, locale);
    return { modal, begin: (userId) => this.save(userId, flowId, draft) };
  }

  /** A "continue" or "fix" button (`form-page:<flow>:<page>`): that page's modal, as filled in so far. */
  async page(event: ChatEvent, customId: string): Promise<Answer> {
    const target = parsePageButton(customId);
    const user = await this.userOf(event);
    const locale = user?.locale ?? 'ja';
    const draft = user && target ? draftOf(await this.o.bot.formDraft(user.id, target.flowId)) : null;
    if (!user || !target || !draft) return this.say(t(locale, 'discord.form.expired'));
    const describe = this.describe(event, target.flowId);
    let page = target.page;
    let fields: FormField[] = [];
    let rest = 0;
    if (page <= draft.pages.length) {
      const names = draft.pages[page - 1] ?? [];
      fields = (await describe(answersBefore(draft, page))).fields.filter(
        (f) => names.includes(f.name) && askable(f),
      );
      const spec = await describe(answersOf(draft));
      rest = pending(spec, draft).filter((f) => pageOf(draft, f.name) === null).length;
    }
    if (fields.length === 0) {
      const next = await nextPage(describe, draft);
      if (next.fields.length === 0) return this.finish(event, user, target.flowId, draft);
      fields = next.fields;
      rest = next.rest;
      draft.pages.push(fields.map((f) => f.name));
      page = draft.pages.length;
    }
    const modal = this.modal(target.flowId, page, pageCount(draft.pages.length, rest), fields, draft, locale);
    // The page's layout and labels, for its submission and a refusal to name its fields.
    await this.save(user.id, target.flowId, draft);
    // Too late for a modal (Discord waits 3 s): the button can be pressed again.
    return { kind: 'modal', modal, messages: [{ content: t(locale, 'discord.form.retry') }] };
  }

  /** A page submitted: kept with the others; then the next page's button, or the whole flow submitted. */
  async submit(event: ChatEvent, data: APIModalSubmission): Promise<Answer> {
    const id = parseFormId(data.custom_id);
    const user = await this.userOf(event);
    const locale = user?.locale ?? 'ja';
    if (!id || !user) return this.say(t(locale, 'discord.form.expired'));
    let draft = draftOf(await this.o.bot.formDraft(user.id, id.flowId));
    if (!draft || JSON.stringify(draft.preset) !== JSON.stringify(id.preset)) {
      // The first page stands alone (its custom id carries the preset); a later one needs the draft.
      if (id.page > 1) return this.say(t(locale, 'discord.form.expired'));
      draft = newDraft(id.preset);
    }
    const { raw, uploads } = submittedValues(data.components);
    draft.pages[id.page - 1] ??= [...Object.keys(raw), ...Object.keys(uploads)];
    Object.assign(draft.raw, raw);
    draft.errors = {};
    const refused = await this.takeFiles(draft, uploads, data.resolved?.attachments ?? {}, locale);
    if (refused.length > 0) {
      await this.save(user.id, id.flowId, draft);
      return this.problems(id.flowId, locale, refused, [id.page], draft.pages.length);
    }
    const next = await nextPage(this.describe(event, id.flowId), draft);
    if (next.fields.length === 0) return this.finish(event, user, id.flowId, draft);
    await this.save(user.id, id.flowId, draft);
    const page = draft.pages.length + 1;
    const total = pageCount(page, next.rest);
    return this.say(t(locale, 'discord.form.saved'), [
      {
        label: t(locale, 'discord.form.continue', { page, total }),
        payload: pageButtonId(id.flowId, page),
        style: 'primary',
      },
    ]);
  }

  /**
   * The files of each upload field, fetched from Discord's CDN and checked (options.ts); a field
   * with a refused file keeps what it had. Returns why files were refused.
   */
  private async takeFiles(
    draft: ModalDraft,
    uploads: Record<string, string[]>,
    resolved: Readonly<Record<string, APIAttachment>>,
    locale: Locale,
  ): Promise<string[]> {
    const refused: string[] = [];
    const maxBytes = (this.o.uploadRules ?? DEFAULT_UPLOAD_RULES).maxBytes;
    for (const [field, ids] of Object.entries(uploads)) {
      if (ids.length === 0) {
        draft.files[field] ??= [];
        continue;
      }
      const chosen = Object.fromEntries(ids.flatMap((a) => (resolved[a] ? [[a, resolved[a]]] : [])));
      const { attachments, rejected } = await fetchAttachments(
        chosen,
        this.o.files,
        this.o.log,
        this.o.uploadRules,
      );
      if (rejected.length > 0) {
        const why = rejected.map((f) =>
          translateRaw(locale, f.problem, {
            name: f.name,
            limit: Math.round((f.limitBytes ?? maxBytes) / 1048576),
          }),
        );
        draft.errors[field] = why.join('\n');
        refused.push(...why);
        continue;
      }
      draft.files[field] = attachments.flatMap((a) =>
        a.storageKey ? [{ storageKey: a.storageKey, name: a.name, mime: a.mime, size: a.size }] : [],
      );
    }
    return refused;
  }

  /** Every page answered: the flow submitted once, with the same checks as every other client. */
  private async finish(
    event: ChatEvent,
    user: UserRecord,
    flowId: string,
    draft: ModalDraft,
  ): Promise<Answer> {
    const locale = user.locale;
    let result: Awaited<ReturnType<Bot['submitForm']>>;
    try {
      result = await this.o.bot.submitForm(event, flowId, draft.raw, draft.files, draft.preset);
    } catch (err) {
      // Refused by the service at the end (as step by step, this ends the flow with the reason).
      if (!(err instanceof UserError)) throw err;
      await this.o.bot.clearFlow(user.id);
      return this.say(translateRaw(locale, err.key, err.params));
    }
    if ('errors' in result) {
      draft.errors = result.errors;
      await this.save(user.id, flowId, draft);
      const lines = Object.entries(result.errors).map(
        ([name, why]) => `・${draft.labels[name] ?? name}: ${why}`,
      );
      const pages = [...new Set(Object.keys(result.errors).map((name) => pageOf(draft, name) ?? 1))];
      return this.problems(
        flowId,
        locale,
        lines,
        pages.sort((a, b) => a - b),
        draft.pages.length,
      );
    }
    await this.o.bot.clearFlow(user.id);
    return {
      kind: 'messages',
      messages: renderDiscordMessages(result.reply, this.o.render),
      files: filesOf(result.reply),
      ...(result.reply.locale ? { locale: result.reply.locale } : {}),
    };
  }

  private modal(
    flowId: string,
    page: number,
    total: number,
    fields: FormField[],
    draft: ModalDraft,
    locale: Locale,
  ): Modal {
    for (const f of fields) draft.labels[f.name] = labelParts(f.label).label;
    const toFix = fields.flatMap((f) =>
      draft.errors[f.name] ? [`・${draft.labels[f.name]}: ${draft.errors[f.name]}`] : [],
    );
    const title = t(locale, 'form.title');
    return modalOf(
      {
        customId: formId({ flowId, page, preset: draft.preset }),
        title: total > 1 ? `${title} (${page}/${Math.max(page, total)})` : title,
        fields,
        values: draft.raw,
        files: draft.files,
        ...(toFix.length > 0 ? { note: [t(locale, 'discord.form.check'), ...toFix].join('\n') } : {}),
      },
      locale,
    );
  }

  /** Why the form was not submitted, with a button per page to reopen and fix. */
  private problems(flowId: string, locale: Locale, lines: string[], pages: number[], total: number): Answer {
    const buttons: Button[] = pages.slice(0, 25).map((page) => ({
      label: total > 1 ? t(locale, 'discord.form.fix_page', { page, total }) : t(locale, 'discord.form.fix'),
      payload: pageButtonId(flowId, page),
      style: 'primary',
    }));
    return this.say([t(locale, 'discord.form_errors'), ...lines].join('\n'), buttons);
  }

  private say(message: string, buttons: Button[] = []): Answer {
    const reply: Reply = {
      blocks: [text(message), ...(buttons.length ? [{ type: 'buttons' as const, buttons }] : [])],
    };
    return { kind: 'messages', messages: renderDiscordMessages(reply, this.o.render) };
  }

  private save(userId: number, flowId: string, draft: ModalDraft): Promise<void> {
    return this.o.bot.saveFormDraft(userId, flowId, draft);
  }

  private describe(event: ChatEvent, flowId: string): Describe {
    return (answers) => this.o.bot.describeForm(event, flowId, answers);
  }

  private userOf(event: ChatEvent): Promise<UserRecord | null> {
    return this.o.store.users.findByIdentity({
      platform: 'discord',
      workspace: '',
      externalId: event.sender.externalId,
    });
  }
}
