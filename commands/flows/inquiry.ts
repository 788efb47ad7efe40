/**
 * 新規問い合わせ as a guided flow: category → sub-topic → region → store → comment → attachments →
 * start the conversation. The new-store consultation asks no store; the region is asked only when
 * the company's stores are in more than one region.
 *
 * Choosing a store: the region (or a prefecture or city typed instead, e.g. `東京`, `横浜`) narrows the
 * list; at the store step a number picks from that list (also past the eleven shown), `#12` a store
 * by its id, and a word searches inside the region: one match is chosen, several are listed with
 * their numbers in the list.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type FlowAnswers, type FlowDefinition, label } from '../../src/chat/flow.ts';
import type { StoreRecord } from '../../src/domain/support/records.ts';
import { UserError } from '../../src/errors.ts';
import type { UploadedFile } from '../../src/files/storage.ts';
import { translateRaw } from '../../src/i18n/index.ts';

const categoriesOf = (ctx: CommandContext) => ctx.services.domain.supportDirectory.categories(ctx.actor);

/**
 * The category value carries whether a store is needed and whether the company's stores are in
 * several regions, so later fields can depend on it (a field's `when` sees only the answers).
 */
const NO_STORE = '-nostore';
const BY_REGION = '-regions';
const categoryId = (answers: FlowAnswers) => Number.parseInt(String(answers.category), 10);

/** Stores listed at the store step (and by quick reply); more can be chosen by number or word. */
const STORES_SHOWN = 11;
/** Candidates listed when a word matches several stores. */
const CANDIDATES_SHOWN = 10;

async function category(ctx: CommandContext, answers: FlowAnswers) {
  return (await categoriesOf(ctx)).find((c) => c.id === categoryId(answers));
}

/** The company's regions with their store counts; none when the actor has no company to look in. */
async function regionsOf(ctx: CommandContext) {
  try {
    return await ctx.services.domain.supportDirectory.storeRegions(ctx.actor);
  } catch (err) {
    if (err instanceof UserError) return [];
    throw err;
  }
}

/** What the store list is narrowed to: the region chosen, or the prefecture or city typed; '' for all. */
const withinOf = (answers: FlowAnswers) => String(answers.region ?? '');
const scope = (answers: FlowAnswers) => {
  const within = withinOf(answers);
  return within === '' ? {} : { within };
};

const storeLabel = (s: StoreRecord) => `${s.name}(${s.prefecture})`;

/** Typed text at the store step that is not one of the numbered stores shown. */
async function resolveStore(input: string, ctx: CommandContext, answers: FlowAnswers): Promise<string> {
  const directory = ctx.services.domain.supportDirectory;
  const within = withinOf(answers);
  // `#12`: the store with that id, as 店舗 shows it.
  const byId = /^#(\d{1,9})$/.exec(input);
  if (byId) {
    const store = await directory.store(ctx.actor, Number(byId[1]));
    if (!store) throw new UserError('support.store_not_found');
    return String(store.id);
  }
  // A number past the ones shown: the store with that number in the same list.
  if (/^\d{1,9}$/.test(input)) {
    const n = Number(input);
    const at = await directory.lookupStores(ctx.actor, '', scope(answers), {
      offset: Math.max(0, n - 1),
      limit: 1,
    });
    const store = n >= 1 ? at.items[0] : undefined;
    if (!store) throw new UserError('flow.inquiry.store_number', { max: at.total });
    return String(store.id);
  }
  const found = await directory.lookupStores(ctx.actor, input, scope(answers), {
    limit: CANDIDATES_SHOWN,
  });
  const [only] = found.items;
  if (found.total === 1 && only) return String(only.id);
  if (found.total === 0) {
    if (within === '') throw new UserError('flow.inquiry.store_not_found', { input });
    const elsewhere = await directory.lookupStores(ctx.actor, input, {}, { limit: 1 });
    throw elsewhere.total > 0
      ? new UserError('flow.inquiry.store_other_region', { input, region: within, count: elsewhere.total })
      : new UserError('flow.inquiry.store_not_in_region', { input, region: within });
  }
  // Typed exactly as a store is named (`渋谷店` beside `渋谷センター街店`): that one.
  const exact = found.items.filter((s) => s.name.normalize('NFKC') === input);
  if (exact.length === 1 && exact[0]) return String(exact[0].id);
  const numbers = await directory.storeNumbers(ctx.actor, found.items, scope(answers));
  const lines = found.items.map((s) => `${numbers.get(s.id) ?? '-'}. ${storeLabel(s)}`);
  if (found.total > found.items.length) {
    lines.push(
      translateRaw(ctx.locale, 'flow.inquiry.store_candidates_more', {
        count: found.total - found.items.length,
      }),
    );
  }
  throw new UserError('flow.inquiry.store_candidates', { count: found.total, list: lines.join('\n') });
}

export const inquiryFlow: FlowDefinition = {
  id: 'inquiry',
  fields: [
    {
      name: 'category',
      prompt: 'flow.inquiry.category',
      type: 'choice',
      choices: async (ctx) => {
        const [categories, regions] = await Promise.all([categoriesOf(ctx), regionsOf(ctx)]);
        const needsStore = regions.length > 1 ? BY_REGION : '';
        return categories.map((c) => ({
          value: `${c.id}${c.needsStore ? needsStore : NO_STORE}`,
          label: ctx.locale === 'ja' ? c.nameJa : c.nameEn,
        }));
      },
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
      name: 'region',
      prompt: 'flow.inquiry.region',
      type: 'choice',
      // Skipped: every store is listed.
      optional: true,
      when: (answers) => String(answers.category).endsWith(BY_REGION),
      choices: async (ctx) =>
        (await regionsOf(ctx)).map((r) => ({
          value: r.region,
          label: translateRaw(ctx.locale, 'flow.inquiry.region_choice', {
            region: r.region,
            count: r.stores,
          }),
        })),
      // A prefecture (`東京`, `大阪府`) or a city (`横浜`) typed instead narrows the same way.
      resolve: async (input, ctx) => {
        if (/^\d+$/.test(input)) throw new UserError('flow.choose_one');
        const found = await ctx.services.domain.supportDirectory.lookupStores(
          ctx.actor,
          input,
          {},
          { limit: 1 },
        );
        if (found.total === 0) throw new UserError('flow.inquiry.region_not_found', { input });
        return input;
      },
    },
    {
      name: 'store',
      prompt: 'flow.inquiry.store',
      type: 'choice',
      // The new-store consultation has no store yet.
      when: (answers) => !String(answers.category).endsWith(NO_STORE),
      choices: async (ctx, answers) =>
        (
          await ctx.services.domain.supportDirectory.lookupStores(ctx.actor, '', scope(answers), {
            limit: STORES_SHOWN,
          })
        ).items.map((s) => ({ value: String(s.id), label: storeLabel(s) })),
      resolve: resolveStore,
    },
    { name: 'comment', prompt: 'flow.inquiry.comment', type: 'text' },
    { name: 'attachments', prompt: 'flow.inquiry.attachments', type: 'files', optional: true },
  ],
  async summary(ctx, answers) {
    const c = await category(ctx, answers);
    const files = (answers.attachments as UploadedFile[] | undefined) ?? [];
    const store = answers.store
      ? await ctx.services.domain.supportDirectory.store(ctx.actor, Number(answers.store))
      : null;
    return [
      label(ctx, 'flow.label.category', c ? (ctx.locale === 'ja' ? c.nameJa : c.nameEn) : '-'),
      ...(store ? [label(ctx, 'flow.label.store', storeLabel(store))] : []),
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
