/** ワーカーを探す and 本人確認 (docs/domain.md §3.4, §3.6): finding workers, and staff recording checks. */
import type { Command } from '../src/chat/command.ts';
import { type Block, text } from '../src/chat/types.ts';
import { UserError } from '../src/errors.ts';
import { formatDate, formatYen } from '../src/i18n/format.ts';
import { isWord, switchWord } from './kit/args.ts';
import { PAGE_SIZE, pageNav } from './kit/pages.ts';
import { person, personOf } from './kit/people.ts';
import { personActions, personCard } from './market-people.ts';
import { skillLabel } from './market-profile-items.ts';
import { statusOf } from './market-profiles.ts';
import { pickPerson } from './people.ts';
import { PARTICIPANTS } from './roles.ts';

/**
 * ワーカーを探す: `workers [skill] [status] [page]`, one card per worker with Profile, Message and
 * Invite to team.
 */
const workers: Command = {
  name: 'workers',
  aliases: { ja: ['ワーカーを探す', 'ワーカー検索'], en: ['workers', 'find-workers'] },
  summary: 'cmd.workers.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    const { t, locale } = ctx;
    const words = [...ctx.args];
    const page = words.length > 0 && /^\d{1,3}$/.test(words.at(-1) ?? '') ? Number(words.pop()) : 1;
    if (page < 1) throw new UserError('market.bad_page');
    const status = words.map(statusOf).find((s) => s !== undefined);
    const skill = words.filter((w) => statusOf(w) === undefined).join(' ');
    const found = await ctx.services.domain.workers.find(
      ctx.actor,
      { ...(skill ? { skill } : {}), ...(status ? { status } : {}) },
      { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    );
    const filters = [
      ...(skill ? [t('market.workers.skill', { skill })] : []),
      ...(status ? [t(`market.status.${status}`)] : []),
    ];
    const blocks: Block[] = [];
    if (filters.length > 0)
      blocks.push(text(t('market.workers.filter', { filter: filters.join(t('market.sep')) })));
    if (found.total === 0) {
      blocks.push(text(t('market.workers.empty')));
      return { blocks };
    }
    // A page number typed past the end.
    if (found.items.length === 0) throw new UserError('market.bad_page');
    const sep = t('market.sep');
    blocks.push(
      text(
        t(found.totalIsAtLeast ? 'market.workers.title_at_least' : 'market.workers.title', {
          count: found.total,
        }),
      ),
    );
    const actions = await personActions(
      ctx,
      found.items.map((w) => w.userId),
    );
    for (const w of found.items) {
      const facts = [
        w.status ? t(`market.status.${w.status}`) : undefined,
        w.weeklyHours ? t(`market.weekly_hours.${w.weeklyHours}`) : undefined,
        w.hourlyRateYen != null
          ? t('market.profile.rate', { rate: formatYen(w.hourlyRateYen, locale) })
          : undefined,
        w.prefecture ?? undefined,
        w.identityVerified ? t('market.identity_verified') : undefined,
        w.ndaVerified ? t('market.nda_verified') : undefined,
      ].filter((f) => f !== undefined);
      const skillLine = w.skills
        .slice(0, 3)
        .map((s) => skillLabel(t, s))
        .join(t('common.separator'));
      blocks.push(
        personCard(
          person(t, w.userId, w.nickname || w.displayName),
          [facts.join(sep), skillLine],
          [
            await ctx.button(t('market.button.profile'), `profile ${w.userId}`),
            ...(actions.get(w.userId) ?? []),
          ],
        ),
      );
    }
    const base = ['workers', skill, status].filter(Boolean).join(' ');
    blocks.push(
      ...(await pageNav(ctx, {
        page,
        shown: found.items.length,
        total: found.total,
        commandFor: (p) => `${base} ${p}`,
        portal: 'market',
        totalIsAtLeast: found.totalIsAtLeast,
      })),
    );
    return { blocks };
  },
};

const IDENTITY_WORDS = ['identity', 'id', '本人', '本人確認'];
const NDA_WORDS = ['nda', '機密保持', '機密保持確認'];

const verify: Command = {
  name: 'verify',
  aliases: { ja: ['確認記録'], en: ['verify'] },
  summary: 'cmd.verify.summary',
  roles: ['staff', 'admin'],
  async run(ctx) {
    const [userArg, kindArg, switchArg] = ctx.args;
    const kind = isWord(kindArg, IDENTITY_WORDS)
      ? 'identity'
      : isWord(kindArg, NDA_WORDS)
        ? 'nda'
        : undefined;
    const on = switchWord(switchArg);
    if (userArg === undefined || kind === undefined || on === undefined || ctx.args.length > 3)
      throw new UserError('market.usage.verify');
    const picked = await pickPerson(ctx, { command: 'verify', argIndex: 0, roles: ['worker'] });
    if ('reply' in picked) return picked.reply;
    const { userId } = picked;
    const verification = ctx.services.domain.verification;
    const saved =
      kind === 'identity'
        ? await verification.setIdentityVerified(ctx.actor, userId, on)
        : await verification.setNdaVerified(ctx.actor, userId, on);
    const who = await personOf(ctx, userId);
    const kindLabel = ctx.t(`market.verify.kind.${kind}`);
    const at = kind === 'identity' ? saved.identityVerifiedAt : saved.ndaVerifiedAt;
    return {
      blocks: [
        text(
          on && at
            ? ctx.t('market.verify.on', {
                who,
                kind: kindLabel,
                date: formatDate(at, ctx.locale, ctx.services.config.businessTimeZone),
              })
            : ctx.t('market.verify.off', { who, kind: kindLabel }),
        ),
      ],
    };
  },
};

export const workerSearchCommands: readonly Command[] = [workers, verify];
