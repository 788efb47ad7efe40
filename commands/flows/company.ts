/**
 * 会社登録 as a guided flow, for a client who belongs to no company: logo (an image, optional) → URL
 * (checked for its form and that no company has it, at its own step) → name → introduction
 * (optional) → address (optional) → phone (optional) → e-mail → confirmation → registers the
 * company, joins it and shows its page.
 */
import { type FlowAnswers, type FlowDefinition, label } from '../../src/chat/flow.ts';
import { companyAddressOf, companyIntroductionOf, companyNameOf } from '../../src/domain/market/companies.ts';
import { checkLogo, LOGO_MAX_MB } from '../../src/domain/market/logo.ts';
import { emailOf, phoneOf } from '../../src/domain/market/validate.ts';
import type { UploadedFile } from '../../src/files/storage.ts';
import { registeredView } from '../company.ts';

const logoOf = (answers: FlowAnswers) => (answers.logo as UploadedFile[] | undefined)?.[0];
const textOf = (answers: FlowAnswers, name: string) => String(answers[name] ?? '');

export const companyFlow: FlowDefinition = {
  id: 'company-register',
  fields: [
    {
      name: 'logo',
      prompt: 'company.flow.logo',
      promptParams: async () => ({ max: String(LOGO_MAX_MB) }),
      type: 'files',
      optional: true,
      // One image: the step ends as soon as it arrives, and a refused one is not kept.
      maxFiles: 1,
      check: async (value) => {
        const [logo] = value as UploadedFile[];
        if (logo) checkLogo(logo);
      },
    },
    {
      name: 'slug',
      prompt: 'company.flow.slug',
      type: 'text',
      resolve: (input, ctx) => ctx.services.domain.companies.checkSlug(ctx.actor, input),
    },
    {
      name: 'name',
      prompt: 'company.flow.name',
      type: 'text',
      resolve: async (input) => companyNameOf(input),
    },
    {
      name: 'introduction',
      prompt: 'company.flow.introduction',
      type: 'text',
      optional: true,
      resolve: async (input) => companyIntroductionOf(input),
    },
    {
      name: 'address',
      prompt: 'company.flow.address',
      type: 'text',
      optional: true,
      resolve: async (input) => companyAddressOf(input),
    },
    {
      name: 'phone',
      prompt: 'company.flow.phone',
      type: 'text',
      optional: true,
      resolve: async (input) => phoneOf(input),
    },
    {
      name: 'email',
      prompt: 'company.flow.email',
      type: 'text',
      resolve: async (input) => emailOf(input),
    },
  ],
  async summary(ctx, answers) {
    const none = ctx.t('company.not_set');
    const or = (value: string) => (value === '' ? none : value);
    return [
      label(ctx, 'company.field.logo', logoOf(answers)?.name ?? none),
      label(ctx, 'company.field.url', textOf(answers, 'slug')),
      label(ctx, 'company.field.name', textOf(answers, 'name')),
      label(ctx, 'company.field.introduction', or(textOf(answers, 'introduction'))),
      label(ctx, 'company.field.address', or(textOf(answers, 'address'))),
      label(ctx, 'company.field.phone', or(textOf(answers, 'phone'))),
      label(ctx, 'company.field.email', textOf(answers, 'email')),
    ];
  },
  async submit(ctx, answers) {
    const logo = logoOf(answers);
    const registered = await ctx.services.domain.companies.register(ctx.actor, {
      slug: textOf(answers, 'slug'),
      name: textOf(answers, 'name'),
      introduction: textOf(answers, 'introduction'),
      address: textOf(answers, 'address'),
      contactPhone: textOf(answers, 'phone'),
      contactEmail: textOf(answers, 'email'),
      ...(logo ? { logo } : {}),
    });
    return registeredView(ctx, registered.id);
  },
};
