/**
 * 本人確認書類の提出 (the kind of document, then its photos or PDF) and 差し戻し (staff give the reason
 * the person reads), as guided flows.
 */
import { type FlowDefinition, label } from '../../src/chat/flow.ts';
import { text } from '../../src/chat/types.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../src/domain/checks/records.ts';
import type { UploadedFile } from '../../src/files/storage.ts';
import { formatDate } from '../../src/i18n/format.ts';

const pagesOf = (value: unknown) => (Array.isArray(value) ? (value as UploadedFile[]) : []);

export const identitySubmitFlow: FlowDefinition = {
  id: 'identity-submit',
  fields: [
    {
      name: 'kind',
      prompt: 'flow.identity.kind',
      type: 'choice',
      choices: async (ctx) => DOCUMENT_KINDS.map((k) => ({ value: k, label: ctx.t(`checks.kind.${k}`) })),
    },
    { name: 'pages', prompt: 'flow.identity.files', type: 'files' },
  ],
  async summary(ctx, answers) {
    return [
      label(ctx, 'flow.label.document_kind', ctx.t(`checks.kind.${answers.kind as DocumentKind}`)),
      label(
        ctx,
        'flow.label.pages',
        pagesOf(answers.pages)
          .map((f) => f.name)
          .join(', ') || '-',
      ),
    ];
  },
  async submit(ctx, answers) {
    const pages = pagesOf(answers.pages);
    const saved = await ctx.services.domain.identityChecks.submit(ctx.actor, String(answers.kind), pages);
    return {
      blocks: [
        text(
          ctx.t('checks.identity.submitted', {
            kind: ctx.t(`checks.kind.${saved.kind}`),
            pages: pages.length,
            due: formatDate(saved.dueAt, ctx.locale, ctx.services.config.businessTimeZone),
          }),
        ),
      ],
    };
  },
};

export const identityRejectFlow: FlowDefinition = {
  id: 'identity-reject',
  fields: [{ name: 'reason', prompt: 'flow.identity.reason', type: 'text' }],
  async summary(ctx, answers) {
    return [label(ctx, 'flow.label.reason', String(answers.reason))];
  },
  async submit(ctx, answers) {
    const userId = Number(answers.userId);
    await ctx.services.domain.identityChecks.decide(ctx.actor, userId, 'rejected', String(answers.reason));
    const user = await ctx.services.store.uow.read((tx) => tx.users.get(userId));
    return { blocks: [text(ctx.t('checks.identity.rejected', { name: user?.displayName ?? '', userId }))] };
  },
};
