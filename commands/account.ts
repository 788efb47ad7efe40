/**
 * Accounts (docs/domain.md §4 and §3.5): linking another platform with a one-time code, the linked
 * accounts, joining with an invitation, staff inviting, and (commands/company.ts) a client finding,
 * joining or registering their company.
 */
import { parseId } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { text } from '../src/chat/types.ts';
import type { Platform } from '../src/domain/platforms.ts';
import type { Role } from '../src/domain/roles.ts';
import { UserError } from '../src/errors.ts';
import { formatDate } from '../src/i18n/format.ts';
import type { Translator } from '../src/i18n/index.ts';
import { companyCommands } from './company.ts';
import { home } from './home.ts';
import { timeOfDay } from './kit/format.ts';

const platformLabel = (t: Translator, platform: Platform) => t(`account.platform.${platform}`);
const roleLabel = (t: Translator, role: Role) => t(`account.role.${role}`);

/** The identity this message came from: what a link code binds to the code's owner. */
const identityKey = (ctx: CommandContext) => ({
  platform: ctx.event.platform,
  workspace: ctx.event.sender.workspace,
  externalId: ctx.event.sender.externalId,
});

/** 連携: without a code, issues one; with a code (typed on the other platform), links this account. */
const link: Command = {
  name: 'link',
  aliases: { ja: ['連携'], en: ['link'] },
  summary: 'cmd.link.summary',
  async run(ctx) {
    const { t, locale } = ctx;
    const identity = ctx.services.domain.identity;
    if (ctx.args.length === 0) {
      const issued = await identity.issueLinkCode(ctx.actor);
      const tz = ctx.services.config.businessTimeZone;
      return {
        blocks: [
          text(t('link.code_issued', { code: issued.code })),
          text(
            t('account.link_valid_until', {
              date: formatDate(issued.expiresAt, locale, tz),
              time: timeOfDay(issued.expiresAt, tz),
            }),
          ),
        ],
        ephemeral: true,
      };
    }
    // `ABCD EFGH` and `abcd-efgh` are the same code: the service normalizes what is typed.
    await identity.redeemLinkCode(identityKey(ctx), ctx.args.join(''));
    return {
      blocks: [text(t('link.linked', { platform: platformLabel(t, ctx.event.platform) }))],
      quickReplies: [await ctx.quickReply(t('account.button.accounts'), 'accounts')],
    };
  },
};

/** Enough of an external id to tell two accounts on one platform apart, not the whole id. */
function masked(externalId: string): string {
  const chars = [...externalId];
  return chars.length <= 4 ? externalId : `…${chars.slice(-4).join('')}`;
}

/** 連携一覧: my platform accounts, each with an Unlink button while more than one remains. */
const accounts: Command = {
  name: 'accounts',
  aliases: { ja: ['連携一覧'], en: ['accounts', 'linked-accounts'] },
  summary: 'cmd.accounts.summary',
  async run(ctx) {
    const { t, locale } = ctx;
    const tz = ctx.services.config.businessTimeZone;
    const list = await ctx.services.domain.identity.listIdentities(ctx.actor);
    const here = identityKey(ctx);
    const items = [];
    for (const identity of [...list].sort((a, b) => a.id - b.id)) {
      const current =
        identity.platform === here.platform &&
        identity.workspace === here.workspace &&
        identity.externalId === here.externalId;
      items.push({
        title: `#${identity.id} ${platformLabel(t, identity.platform)} (${masked(identity.externalId)})${
          current ? t('account.this_account') : ''
        }`,
        description: t('account.linked_on', { date: formatDate(identity.createdAt, locale, tz) }),
        ...(list.length > 1
          ? { button: await ctx.button(t('account.button.unlink'), `unlink ${identity.id}`, 'danger') }
          : {}),
      });
    }
    return {
      blocks: [{ type: 'list', title: t('account.accounts.title', { count: list.length }), items }],
      quickReplies: [await ctx.quickReply(t('account.button.link'), 'link')],
    };
  },
};

/** 連携解除: removes one of my accounts (never the last). */
const unlink: Command = {
  name: 'unlink',
  aliases: { ja: ['連携解除'], en: ['unlink'] },
  summary: 'cmd.unlink.summary',
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UserError('account.usage.unlink');
    const removed = await ctx.services.domain.identity.unlink(ctx.actor, parseId(ctx.args[0]));
    return {
      blocks: [text(ctx.t('link.unlinked', { platform: platformLabel(ctx.t, removed.platform) }))],
      quickReplies: [await ctx.quickReply(ctx.t('account.button.accounts'), 'accounts')],
    };
  },
};

/**
 * 参加: joins with an invitation code; open to someone who has no role yet. The answer is the home
 * view of the role just gained: what needs them now and where to start.
 */
const join: Command = {
  name: 'join',
  aliases: { ja: ['参加'], en: ['join'] },
  summary: 'cmd.join.summary',
  async run(ctx) {
    const { t } = ctx;
    if (ctx.args.length === 0) throw new UserError('account.usage.join');
    const joined = await ctx.services.domain.identity.join(ctx.actor, ctx.args.join(''));
    const roles = ctx.actor.roles.includes(joined.role)
      ? [...ctx.actor.roles]
      : [...ctx.actor.roles, joined.role];
    const actor = { ...ctx.actor, roles, companyId: joined.companyId ?? ctx.actor.companyId };
    const homeView = await home.run({
      ...ctx,
      actor,
      user: { ...ctx.user, roles, companyId: actor.companyId },
    });
    return {
      ...homeView,
      blocks: [
        text(t('invite.joined', { role: roleLabel(t, joined.role) })),
        ...homeView.blocks,
        text(t('account.joined_next')),
      ],
    };
  },
};

const ROLE_WORDS: Record<string, Role> = {
  worker: 'worker',
  ワーカー: 'worker',
  在宅スタッフ: 'worker',
  client: 'client',
  クライアント: 'client',
  customer: 'customer',
  お客様: 'customer',
  顧客: 'customer',
  staff: 'staff',
  社員: 'staff',
  スタッフ: 'staff',
  admin: 'admin',
  管理者: 'admin',
};

/** 招待 (staff): `invite <role> [companyId]`; a customer invitation names the company. */
const invite: Command = {
  name: 'invite',
  aliases: { ja: ['招待'], en: ['invite'] },
  summary: 'cmd.invite.summary',
  roles: ['staff', 'admin'],
  async run(ctx) {
    const { t, locale } = ctx;
    const role = ROLE_WORDS[(ctx.args[0] ?? '').toLowerCase()];
    if (!role || ctx.args.length > 2) throw new UserError('account.usage.invite');
    const companyId = ctx.args[1] === undefined ? null : parseId(ctx.args[1]);
    const issued = await ctx.services.domain.identity.createInvitation(ctx.actor, role, companyId);
    const expires = formatDate(issued.expiresAt, locale, ctx.services.config.businessTimeZone);
    return {
      blocks: [
        text(t('invite.created', { code: issued.code, expires })),
        text(t('account.invite_for', { role: roleLabel(t, role) })),
      ],
      ephemeral: true,
    };
  },
};

export const accountCommands: readonly Command[] = [link, accounts, unlink, join, invite, ...companyCommands];
