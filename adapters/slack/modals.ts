/**
 * Guided flows as Slack modals: opening one where a trigger is at hand, redrawing it when a choice
 * changes (dependent fields), and submitting it through the same checks as the step-by-step flow.
 * The views themselves are built in forms.ts.
 */
import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Bot } from '../../src/chat/bot.ts';
import type { ChatAttachment, ChatEvent, Reply } from '../../src/chat/types.ts';
import type { FileStorage, UploadedFile } from '../../src/files/storage.ts';
import { DEFAULT_UPLOAD_RULES, type UploadRules } from '../../src/files/uploads.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { translateRaw } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import type { UserRecord } from '../../src/store.ts';
import { downloadSlackFiles } from './files.ts';
import {
  FORM_CALLBACK,
  FORM_SELECT,
  type FormMetadata,
  formFiles,
  formValues,
  formView,
  modalFits,
} from './forms.ts';

/** What the modal listeners need from the adapter. */
export interface ModalDeps {
  bot: Bot;
  files: FileStorage;
  botToken: string;
  uploadRules?: UploadRules | undefined;
  log: Logger;
  event(
    id: string,
    team: string,
    user: string,
    channel: string,
    input:
      | { kind: 'message'; text: string; attachments?: ChatAttachment[] }
      | { kind: 'action'; payload: string },
    direct: boolean,
  ): ChatEvent;
  userOf(team: string, user: string): Promise<UserRecord | null>;
  /** Sends `reply` to the user's DM with the bot. */
  answer(client: WebClient, user: string, reply: Reply): Promise<void>;
  done(id: string): void;
}

/** Opens a started flow as a modal when it fits one and a trigger is at hand. */
export async function openForm(
  d: ModalDeps,
  reply: Reply,
  event: ChatEvent,
  triggerId: string | undefined,
  channel: string,
  locale: Locale,
  client: WebClient,
): Promise<boolean> {
  if (!reply.form || !triggerId) return false;
  const { flowId, preset } = reply.form;
  const spec = await d.bot.describeForm(event, flowId, preset);
  if (!modalFits(spec, preset)) return false;
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: formView(spec, { flowId, preset, channel }, {}, locale),
    });
  } catch (err) {
    d.log.warn({ err: (err as Error).message }, 'modal not opened; asking step by step');
    return false;
  }
  const user = await d.userOf(event.sender.workspace, event.sender.externalId);
  if (user) await d.bot.clearFlow(user.id);
  return true;
}

export function registerModals(app: App, d: ModalDeps): void {
  // A choice in a modal changed: redraw it with the fields that depend on it.
  app.action<BlockAction<StaticSelectAction>>(FORM_SELECT, async ({ ack, body: b, client }) => {
    await ack();
    // Our modal's select: inbound.ts checked that the view is there, with our metadata.
    const { view } = b;
    if (!view) return;
    const meta = JSON.parse(view.private_metadata) as FormMetadata;
    const values = formValues(view.state);
    const event = d.event(
      `form:${view.id}`,
      String(b.team?.id ?? ''),
      b.user.id,
      meta.channel,
      { kind: 'message', text: '' },
      true,
    );
    const user = await d.userOf(String(b.team?.id ?? ''), b.user.id);
    const spec = await d.bot.describeForm(event, meta.flowId, { ...meta.preset, ...values });
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: formView(spec, meta, values, user?.locale ?? 'ja'),
    });
  });

  // A modal submitted: the same parsing and checks as step by step; errors show under the fields.
  app.view(FORM_CALLBACK, async ({ ack, body: b, view, client }) => {
    const meta = JSON.parse(view.private_metadata) as FormMetadata;
    const team = String(b.team?.id ?? b.user?.team_id ?? '');
    const id = `view:${view.id}:${view.hash}`;
    try {
      const event = d.event(id, team, b.user.id, meta.channel, { kind: 'message', text: '' }, true);
      // Files attached in the form: fetched with the bot token and stored, as in a DM.
      const uploaded: Record<string, UploadedFile[]> = {};
      const refused: Record<string, string> = {};
      const user = await d.userOf(team, b.user.id);
      const limit = Math.round((d.uploadRules ?? DEFAULT_UPLOAD_RULES).maxBytes / 1024 / 1024);
      for (const [field, list] of Object.entries(formFiles(view.state))) {
        const { attachments, rejected } = await downloadSlackFiles(list, d.botToken, d.files, d.uploadRules);
        uploaded[field] = attachments.flatMap((a) =>
          a.storageKey ? [{ storageKey: a.storageKey, name: a.name, mime: a.mime, size: a.size }] : [],
        );
        // A refused file shows under its field, and nothing of the form is submitted.
        if (rejected.length > 0)
          refused[field] = rejected
            .map((f) => translateRaw(user?.locale ?? 'ja', f.problem, { name: f.name, limit }))
            .join('\n');
      }
      if (Object.keys(refused).length > 0) {
        await ack({ response_action: 'errors', errors: refused });
        return;
      }
      const result = await d.bot.submitForm(
        event,
        meta.flowId,
        formValues(view.state),
        uploaded,
        meta.preset,
      );
      if ('errors' in result) {
        await ack({ response_action: 'errors', errors: result.errors });
        return;
      }
      await ack();
      await d.answer(client, b.user.id, result.reply);
    } catch (err) {
      await ack();
      throw err;
    } finally {
      d.done(id);
    }
  });
}
