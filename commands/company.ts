/**
 * 会社 (会社情報): a client looks for their company by part of its name or its URL and joins it, or
 * registers it step by step (commands/flows/company.ts). A company's page shows every field and its
 * logo as an image where the platform can show one.
 */
import { parseId } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type Button, type CardBlock, type Reply, text } from '../src/chat/types.ts';
import type { CompanyPage } from '../src/domain/market/companies.ts';
import { checkLogo } from '../src/domain/market/logo.ts';
import { UserError } from '../src/errors.ts';
import { freeText } from './kit/args.ts';
import { attachedFiles, fileBlockOf } from './kit/files.ts';

/** `#3`, `3`, `No.3`: a company number rather than a word to search for. */
const BY_NUMBER = /^(?:#|no\.?)?\d{1,9}$/i;

/** A client who belongs to no company yet: the one who may join or register one. */
export const mayJoinCompany = (ctx: CommandContext) =>
  ctx.actor.roles.includes('client') && ctx.user.companyId === null;

const registerButton = (ctx: CommandContext) =>
  ctx.button(ctx.t('company.button.register'), 'company-register', 'primary');

/**
 * The company's page: the logo (as an image where the platform shows one), then a card with every
 * field, "not set" where a field was left out. `lead` lines come first (what just happened);
 * `member` says the reader now belongs to it (their `ctx.user` predates the join).
 */
export async function companyView(
  ctx: CommandContext,
  page: CompanyPage,
  options: { lead?: string[]; member?: boolean } = {},
): Promise<Reply> {
  const { t } = ctx;
  const { company: c, logo } = page;
  const none = t('company.not_set');
  const card: CardBlock = {
    type: 'card',
    title: c.name,
    subtitle: t('company.page.subtitle', { id: c.id }),
    ...(c.introduction ? { body: c.introduction } : {}),
    fields: [
      { label: t('company.field.url'), value: c.slug },
      ...(c.introduction ? [] : [{ label: t('company.field.introduction'), value: none }]),
      { label: t('company.field.address'), value: c.address || none },
      { label: t('company.field.phone'), value: c.contactPhone || none },
      { label: t('company.field.email'), value: c.contactEmail ?? none },
      { label: t('company.field.logo'), value: logo ? logo.name : none },
    ],
  };
  const blocks: Block[] = (options.lead ?? []).map(text);
  if (logo) {
    blocks.push(fileBlockOf(logo));
  }
  blocks.push(card);
  if (options.member || ctx.user.companyId === c.id) {
    blocks.push(text(t('company.page.yours')));
  } else if (mayJoinCompany(ctx)) {
    card.buttons = [await ctx.button(t('company.button.join'), `company-join ${c.id}`, 'primary')];
    blocks.push(text(t('company.page.join_hint')));
  }
  return { blocks };
}

/** The search results: one row per company with Join (or Details), then Register a new company. */
async function searchResults(ctx: CommandContext, word: string): Promise<Reply> {
  const { t } = ctx;
  const found = await ctx.services.domain.companies.search(ctx.actor, word);
  const mayJoin = mayJoinCompany(ctx);
  if (found.length === 0) {
    const blocks: Block[] = [text(t('company.find.none', { word }))];
    if (mayJoin) {
      blocks.push(text(t('company.find.register_hint')));
      blocks.push({ type: 'buttons', buttons: [await registerButton(ctx)] });
    }
    return { blocks };
  }
  const items = [];
  for (const c of found) {
    const button: Button = mayJoin
      ? await ctx.button(t('company.button.join'), `company-join ${c.id}`)
      : await ctx.button(t('company.button.view'), `company ${c.slug}`);
    items.push({
      title: `#${c.id} ${c.name}`,
      description: [t('company.find.url', { slug: c.slug }), c.address]
        .filter((s) => s !== '')
        .join(t('common.separator')),
      button,
    });
  }
  const blocks: Block[] = [
    { type: 'list', title: t('account.company.title', { count: found.length }), items },
  ];
  if (mayJoin) {
    blocks.push(text(`${t('company.find.join_hint')}\n${t('company.find.register_hint')}`));
    blocks.push({ type: 'buttons', buttons: [await registerButton(ctx)] });
  }
  return { blocks };
}

/**
 * 会社 / 会社検索: `会社 3` or `会社 sound-life` opens that company's page; any other word searches
 * names and URLs. Without a word: one's own company, or how to look for it.
 */
const company: Command = {
  name: 'company',
  aliases: { ja: ['会社', '会社検索', '会社情報'], en: ['company', 'company-search'] },
  summary: 'cmd.company.summary',
  roles: ['client', 'staff', 'admin'],
  async run(ctx) {
    const { t } = ctx;
    const companies = ctx.services.domain.companies;
    if (ctx.args.length === 0) {
      if (ctx.user.companyId !== null)
        return companyView(ctx, await companies.get(ctx.actor, ctx.user.companyId));
      if (!mayJoinCompany(ctx)) throw new UserError('account.usage.company');
      return {
        blocks: [text(t('company.find.prompt')), { type: 'buttons', buttons: [await registerButton(ctx)] }],
      };
    }
    const word = ctx.rest.trim();
    if (ctx.args.length === 1) {
      const bySlug = await companies.bySlug(ctx.actor, word);
      // A number is the company's number, unless it is some company's URL (`123` is a valid one).
      if (BY_NUMBER.test(word) && !(bySlug && /^\d+$/.test(word))) {
        return companyView(ctx, await companies.get(ctx.actor, parseId(word)));
      }
      if (bySlug) return companyView(ctx, bySlug);
    }
    return searchResults(ctx, word);
  },
};

/** 会社参加: a client without a company joins an existing one, and sees its page. */
const companyJoin: Command = {
  name: 'company-join',
  aliases: { ja: ['会社参加'], en: ['company-join'] },
  summary: 'cmd.company-join.summary',
  roles: ['client'],
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UserError('account.usage.company-join');
    const companies = ctx.services.domain.companies;
    const joined = await companies.join(ctx.actor, parseId(ctx.args[0]));
    return companyView(ctx, await companies.get(ctx.actor, joined.id), {
      lead: [ctx.t('account.company.joined', { id: joined.id, name: joined.name })],
      member: true,
    });
  },
};

/** The one-line form's separator: a slash with spaces around it, so a URL or `A/B` stays whole. */
const FIELD_SEPARATOR = /\s+\/\s+/u;

/**
 * 会社登録: alone, asks each field in turn (logo, URL, name, introduction, address, phone, e-mail).
 * On one line, `会社登録 URL / 会社名 / メール [/ 電話 / 住所 / 紹介文]` with an image attached as
 * the logo registers at once; a field left empty between slashes is not set.
 */
const companyRegister: Command = {
  name: 'company-register',
  aliases: { ja: ['会社登録'], en: ['company-register'] },
  summary: 'cmd.company-register.summary',
  roles: ['client'],
  async run(ctx) {
    // Refused before any question, not after every field was typed.
    if (ctx.user.companyId !== null) throw new UserError('market.company_already_joined');
    const line = freeText(ctx, 0);
    const [logo, ...more] = attachedFiles(ctx);
    if (more.length > 0) throw new UserError('company.flow.logo_one');
    if (logo) checkLogo(logo);
    // An image sent with the command alone is the logo: the questions start after it.
    if (line === '') return ctx.startFlow('company-register', logo ? { logo: [logo] } : {});
    const parts = line.split(FIELD_SEPARATOR).map((p) => p.trim());
    const [slug = '', name = '', email = '', phone = '', address = '', ...intro] = parts;
    if (parts.length < 3 || slug === '' || name === '' || email === '' || /\s/u.test(slug)) {
      throw new UserError('account.usage.company-register');
    }
    const companies = ctx.services.domain.companies;
    const registered = await companies.register(ctx.actor, {
      slug,
      name,
      contactEmail: email,
      contactPhone: phone,
      address,
      introduction: intro.join(' / '),
      ...(logo ? { logo } : {}),
    });
    return registeredView(ctx, registered.id);
  },
};

/** After registering: what happened, then the new company's page. */
export async function registeredView(ctx: CommandContext, companyId: number): Promise<Reply> {
  const page = await ctx.services.domain.companies.get(ctx.actor, companyId);
  const c = page.company;
  return companyView(ctx, page, {
    lead: [ctx.t('account.company.registered', { id: c.id, name: c.name, slug: c.slug })],
    member: true,
  });
}

export const companyCommands: readonly Command[] = [company, companyJoin, companyRegister];
