/**
 * 新規問い合わせ as a guided flow (DOMAIN.md §2.2): category → sub-topic → store (by number, or a free
 * word / region search) → comment → attachments → start the conversation. The new-store
 * consultation asks no store.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type FlowAnswers, type FlowDefinition, label } from '../../src/chat/flow.ts';
import { UserError } from '../../src/errors.ts';
import type { UploadedFile } from '../../src/files/storage.ts';

const categoriesOf = (ctx: CommandContext) => ctx.services.domain.supportDirectory.categories(ctx.actor);

/** The category value carries whether a store is needed, so later fields can depend on it. */
const NO_STORE = '-nostore';
const categoryId = (answers: FlowAnswers) => Number.parseInt(String(answers.category), 10);

async function category(ctx: CommandContext, answers: FlowAnswers) {
  return (await categoriesOf(ctx)).find((c) => c.id === categoryId(answers));
}

export const inquiryFlow: FlowDefinition = {
  id: 'inquiry',
  fields: [
    {
      name: 'category',
      prompt: 'flow.inquiry.category',
      type: 'choice',
      choices: async (ctx) =>
        (await categoriesOf(ctx)).map((c) => ({
          value: `${c.id}${c.needsStore ? '' : NO_STORE}`,
          label: ctx.locale === 'ja' ? c.nameJa : c.nameEn,
        })),
    },
    {
      name: 'subtopic',
      prompt: 'flow.inquiry.subtopic',
      type: 'choice',
      optional: true,
      choices: async (ctx, answers) =>
        ((await category(ctx, answers))?.subtopics ?? []).map((s) => ({
          value: String(s.id),
          label: ctx.locale === 'ja' ? s.nameJa : s.nameEn,
        })),
    },
    {
      name: 'store',
      prompt: 'flow.inquiry.store',
      type: 'choice',
      // The new-store consultation has no store yet.
      when: (answers) => !String(answers.category).endsWith(NO_STORE),
      choices: async (ctx) =>
        (await ctx.services.domain.supportDirectory.searchStores(ctx.actor, {}, { limit: 11 })).items.map(
          (s) => ({
            value: String(s.id),
            label: `${s.name}(${s.prefecture})`,
          }),
        ),
      resolve: async (input, ctx) => {
        const found = await ctx.services.domain.supportDirectory.searchStores(
          ctx.actor,
          { word: input },
          { limit: 2 },
        );
        if (found.items.length === 1 && found.items[0]) return String(found.items[0].id);
        throw new UserError(
          found.items.length === 0 ? 'flow.inquiry.store_not_found' : 'flow.inquiry.store_ambiguous',
        );
      },
    },
    { name: 'comment', prompt: 'flow.inquiry.comment', type: 'text' },
    { name: 'attachments', prompt: 'flow.inquiry.attachments', type: 'files', optional: true },
  ],
  async summary(ctx, answers) {
    const c = await category(ctx, answers);
    const files = (answers.attachments as UploadedFile[] | undefined) ?? [];
    const stores = answers.store
      ? (await ctx.services.domain.supportDirectory.searchStores(ctx.actor, {}, { limit: 50 })).items
      : [];
    const store = stores.find((s) => String(s.id) === String(answers.store));
    return [
      label(ctx, 'flow.label.category', c ? (ctx.locale === 'ja' ? c.nameJa : c.nameEn) : '-'),
      ...(store ? [label(ctx, 'flow.label.store', store.name)] : []),
      label(ctx, 'flow.label.comment', String(answers.comment ?? '')),
      label(ctx, 'flow.label.files', files.map((f) => f.name).join(', ') || '-'),
    ];
  },
  async submit(ctx, answers) {
    const created = await ctx.services.domain.inquiries.create(ctx.actor, {
      categoryId: categoryId(answers),
      subtopicId: answers.subtopic ? Number(answers.subtopic) : null,
      storeId: answers.store ? Number(answers.store) : null,
      comment: String(answers.comment ?? ''),
      attachments: (answers.attachments as UploadedFile[] | undefined) ?? [],
    });
    return {
      blocks: [{ type: 'text', text: ctx.t('flow.inquiry.created', { id: created.record.id }) }],
      quickReplies: [await ctx.quickReply(ctx.t('flow.inquiry.show'), `inquiry ${created.record.id}`)],
    };
  },
};
