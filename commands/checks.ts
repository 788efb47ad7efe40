/**
 * 本人確認 (identity check with documents), 機密保持確認 (NDA) and 機密案件 (confidential jobs):
 * - a worker or client sees where their identity check stands and sends a document (a guided flow);
 *   staff see the documents waiting, open one (signed one-hour links to its pages) and decide;
 * - everyone reads the current NDA and agrees with a button; staff see who agreed to which version;
 * - staff mark a job confidential (機密設定).
 */
import { parseId } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type Button, type CardBlock, type Field, type Reply, text } from '../src/chat/types.ts';
import { isStaff } from '../src/domain/actor.ts';
import type { IdentityStatus } from '../src/domain/checks/identity.ts';
import { UserError } from '../src/errors.ts';
import { switchWord } from './kit/args.ts';
import { dateText } from './kit/format.ts';
import { pickPerson } from './people.ts';
import { MEMBERS, PARTICIPANTS, STAFF } from './roles.ts';

/** Staff who are not also a worker or client see the staff side of these commands. */
const isStaffOnly = (ctx: CommandContext) =>
  isStaff(ctx.actor) && !ctx.actor.roles.some((r) => r === 'worker' || r === 'client');

/** The person's identity check as a card, with the button for their next step. */
export async function identityCard(ctx: CommandContext, s: IdentityStatus): Promise<CardBlock> {
  const { t } = ctx;
  const fields: Field[] = [
    { label: t('checks.identity.field.status'), value: t(`checks.status.${s.status}`) },
  ];
  if (s.status !== 'none') {
    fields.push({ label: t('checks.identity.field.kind'), value: t(`checks.kind.${s.kind}`) });
    fields.push({ label: t('checks.identity.field.submitted'), value: dateText(ctx, s.submittedAt) });
    if (s.status === 'pending')
      fields.push({ label: t('checks.identity.field.due'), value: dateText(ctx, s.dueAt) });
    if (s.decidedAt)
      fields.push({ label: t('checks.identity.field.decided'), value: dateText(ctx, s.decidedAt) });
    if (s.status === 'rejected' && s.reason)
      fields.push({ label: t('checks.identity.field.reason'), value: s.reason });
  }
  const hint = t(`checks.identity.${s.status === 'none' ? 'none' : s.status}_hint`);
  const buttons: Button[] = [];
  if (s.status === 'none')
    buttons.push(await ctx.button(t('checks.identity.button.submit'), 'identity-submit', 'primary'));
  if (s.status === 'pending' || s.status === 'rejected')
    buttons.push(
      await ctx.button(
        t('checks.identity.button.resubmit'),
        'identity-submit',
        s.status === 'rejected' ? 'primary' : undefined,
      ),
    );
  return { type: 'card', title: t('checks.identity.title'), body: hint, fields, buttons };
}

/** 本人確認: my check (worker, client), or the documents waiting for review (staff). */
const identity: Command = {
  name: 'identity',
  aliases: { ja: ['本人確認', '本人確認状況'], en: ['identity', 'id-check'] },
  summary: 'cmd.identity.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    const { t } = ctx;
    const checks = ctx.services.domain.identityChecks;
    if (!isStaffOnly(ctx)) return { blocks: [await identityCard(ctx, await checks.status(ctx.actor))] };
    const pending = await checks.pending(ctx.actor);
    if (pending.length === 0) return { blocks: [text(t('checks.identity.pending_none'))] };
    const items = [];
    for (const p of pending)
      items.push({
        title: `${p.displayName} (#${p.userId})`,
        description: t('checks.identity.pending_line', {
          kind: t(`checks.kind.${p.kind}`),
          pages: p.pages,
          due: dateText(ctx, p.dueAt),
        }),
        button: await ctx.button(t('checks.identity.button.review'), `identity-review ${p.userId}`),
      });
    return {
      blocks: [{ type: 'list', title: t('checks.identity.pending_title', { count: pending.length }), items }],
    };
  },
};

/** 本人確認書類の提出: the guided flow (kind, then the photos or PDF). */
const identitySubmit: Command = {
  name: 'identity-submit',
  aliases: { ja: ['本人確認提出', '書類提出', '本人確認書類提出'], en: ['identity-submit', 'send-id'] },
  summary: 'cmd.identity-submit.summary',
  roles: MEMBERS,
  async run(ctx) {
    const current = await ctx.services.domain.identityChecks.status(ctx.actor);
    if (current.status === 'verified') return { blocks: [await identityCard(ctx, current)] };
    return ctx.startFlow('identity-submit');
  },
};

/** [staff] 本人確認書類 <person>: the review card, with links to the pages and the two decisions. */
const identityReview: Command = {
  name: 'identity-review',
  aliases: { ja: ['本人確認書類', '本人確認レビュー'], en: ['identity-review'] },
  summary: 'cmd.identity-review.summary',
  roles: STAFF,
  async run(ctx) {
    const { t } = ctx;
    if (ctx.args[0] === undefined) throw new UserError('checks.usage.review');
    const picked = await pickPerson(ctx, { command: 'identity-review', argIndex: 0, roles: MEMBERS });
    if ('reply' in picked) return picked.reply;
    const { userId } = picked;
    const checks = ctx.services.domain.identityChecks;
    const s = await checks.status(ctx.actor, userId);
    if (s.status === 'none') throw new UserError('checks.identity.not_submitted');
    const user = await ctx.services.store.uow.read((tx) => tx.users.get(userId));
    const card = await identityCard(ctx, s);
    card.title = t('checks.identity.title');
    card.subtitle = `${user?.displayName ?? ''} (#${userId})`;
    delete card.body;
    card.buttons = [];
    const blocks: Block[] = [card];
    if (s.status !== 'pending') return { blocks };
    const pages = await checks.pageList(ctx.actor, userId);
    const links = pages.map((p, i) => {
      const url = ctx.services.links?.identityPageUrl(p.id, ctx.actor.userId);
      return url ? t('checks.identity.page_link', { n: i + 1, name: p.name, url }) : null;
    });
    blocks.push(
      text(
        links.every((l) => l !== null)
          ? [...links, t('checks.identity.links_note')].join('\n')
          : t('checks.identity.no_links'),
      ),
    );
    blocks.push({
      type: 'buttons',
      buttons: [
        await ctx.button(t('checks.identity.button.approve'), `identity-approve ${userId}`, 'primary'),
        await ctx.button(t('checks.identity.button.reject'), `identity-reject ${userId}`, 'danger'),
      ],
    });
    return { blocks };
  },
};

/** [staff] 本人確認承認 <person>: verified; the pages are deleted and the person told. */
const identityApprove: Command = {
  name: 'identity-approve',
  aliases: { ja: ['本人確認承認'], en: ['identity-approve'] },
  summary: 'cmd.identity-approve.summary',
  roles: STAFF,
  async run(ctx) {
    if (ctx.args[0] === undefined) throw new UserError('checks.usage.review');
    const picked = await pickPerson(ctx, { command: 'identity-approve', argIndex: 0, roles: MEMBERS });
    if ('reply' in picked) return picked.reply;
    await ctx.services.domain.identityChecks.decide(ctx.actor, picked.userId, 'verified');
    const user = await ctx.services.store.uow.read((tx) => tx.users.get(picked.userId));
    return {
      blocks: [
        text(ctx.t('checks.identity.approved', { name: user?.displayName ?? '', userId: picked.userId })),
      ],
    };
  },
};

/** [staff] 本人確認差し戻し <person> [reason]: sent back; without a reason, the reason is asked for. */
const identityReject: Command = {
  name: 'identity-reject',
  aliases: { ja: ['本人確認差し戻し', '差し戻し'], en: ['identity-reject'] },
  summary: 'cmd.identity-reject.summary',
  roles: STAFF,
  async run(ctx) {
    if (ctx.args[0] === undefined) throw new UserError('checks.usage.review');
    const picked = await pickPerson(ctx, { command: 'identity-reject', argIndex: 0, roles: MEMBERS });
    if ('reply' in picked) return picked.reply;
    const reason = ctx.args.slice(1).join(' ').trim();
    if (reason === '') {
      // Refused at once when there is nothing to send back, before asking for a reason.
      const s = await ctx.services.domain.identityChecks.status(ctx.actor, picked.userId);
      if (s.status === 'none') throw new UserError('checks.identity.not_submitted');
      if (s.status !== 'pending') throw new UserError('checks.identity.already_decided');
      return ctx.startFlow('identity-reject', { userId: picked.userId });
    }
    await ctx.services.domain.identityChecks.decide(ctx.actor, picked.userId, 'rejected', reason);
    const user = await ctx.services.store.uow.read((tx) => tx.users.get(picked.userId));
    return {
      blocks: [
        text(ctx.t('checks.identity.rejected', { name: user?.displayName ?? '', userId: picked.userId })),
      ],
    };
  },
};

/** 機密保持確認: the current text and where I stand, with 同意する; staff: who agreed to which version. */
const nda: Command = {
  name: 'nda',
  aliases: { ja: ['機密保持確認', '機密保持', 'NDA'], en: ['nda', 'confidentiality'] },
  summary: 'cmd.nda.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    const { t } = ctx;
    const service = ctx.services.domain.nda;
    if (isStaffOnly(ctx)) {
      const version = await service.currentVersion();
      const rows = await service.agreements(ctx.actor);
      if (rows.length === 0) return { blocks: [text(t('checks.nda.list_none'))] };
      return {
        blocks: [
          {
            type: 'list',
            title: t('checks.nda.list_title', { version }),
            items: rows.map((r) => ({
              title: `${r.displayName} (#${r.userId})`,
              description: t('checks.nda.list_line', {
                version: r.version,
                date: dateText(ctx, r.agreedAt),
                outdated: r.current ? '' : t('checks.nda.list_outdated'),
              }),
            })),
          },
        ],
      };
    }
    const doc = await service.document(ctx.locale);
    const s = await service.status(ctx.actor);
    const state = s.upToDate
      ? t('checks.nda.agreed_current', {
          version: s.current,
          date: dateText(ctx, s.agreed?.agreedAt ?? new Date()),
        })
      : s.agreed
        ? t('checks.nda.agreed_old', { old: s.agreed.version })
        : t('checks.nda.not_agreed');
    const blocks: Block[] = [
      {
        type: 'card',
        title: t('checks.nda.title'),
        subtitle: t('checks.nda.version', { version: doc.version }),
        body: doc.text,
        fields: [],
      },
      text(state),
    ];
    if (!s.upToDate)
      blocks.push({
        type: 'buttons',
        buttons: [await ctx.button(t('checks.nda.button.agree'), `nda-agree ${doc.version}`, 'primary')],
      });
    return { blocks };
  },
};

/** 同意する: records the agreement to the version the person read. */
const ndaAgree: Command = {
  name: 'nda-agree',
  aliases: { ja: ['機密保持同意'], en: ['nda-agree'] },
  summary: 'cmd.nda-agree.summary',
  roles: MEMBERS,
  async run(ctx) {
    const service = ctx.services.domain.nda;
    const version = ctx.args[0] ?? (await service.currentVersion());
    const done = await service.agree(ctx.actor, version);
    const date = dateText(ctx, done.agreedAt);
    return {
      blocks: [
        text(ctx.t(done.already ? 'checks.nda.already' : 'checks.nda.done', { version: done.version, date })),
      ],
    };
  },
};

/**
 * What someone not cleared sees of a confidential job: its title, what they still need, and the
 * buttons to do it. Null when the job is not an open one (the usual "not found" applies).
 */
export async function lockedJobReply(ctx: CommandContext, jobId: number): Promise<Reply | null> {
  const { t } = ctx;
  const job = await ctx.services.domain.jobs.preview(jobId);
  if (!job) return null;
  const c = await ctx.services.domain.jobs.clearance(ctx.actor);
  const buttons: Button[] = [];
  if (c.identity !== 'verified' && c.identity !== 'pending')
    buttons.push(await ctx.button(t('checks.identity.button.submit'), 'identity-submit', 'primary'));
  if (!c.nda) buttons.push(await ctx.button(t('notify.button.nda'), 'nda'));
  return {
    blocks: [
      {
        type: 'card',
        title: `#${job.id} ${job.title}`,
        subtitle: `🔒 ${t('checks.confidential.label')}`,
        body: t('checks.confidential.needs'),
        fields: [
          {
            label: t('checks.identity.title'),
            value: t(`checks.status.${c.identity}`),
          },
          {
            label: t('checks.nda.title'),
            value: t(c.nda ? 'checks.confidential.nda_done' : 'checks.confidential.nda_todo'),
          },
        ],
        ...(buttons.length > 0 ? { buttons } : {}),
      },
    ],
  };
}

/** [staff, the poster] 機密設定 <job> on|off: makes a job confidential (機密案件) or not. */
const confidential: Command = {
  name: 'confidential',
  aliases: { ja: ['機密設定', '機密案件'], en: ['confidential'] },
  summary: 'cmd.confidential.summary',
  roles: ['staff', 'admin', 'client'],
  async run(ctx) {
    const [idText, word] = ctx.args;
    const on = switchWord(word);
    if (idText === undefined || on === undefined || ctx.args.length > 2)
      throw new UserError('checks.usage.confidential');
    const job = await ctx.services.domain.jobs.setConfidential(ctx.actor, parseId(idText), on);
    return {
      blocks: [text(ctx.t(on ? 'checks.confidential.set' : 'checks.confidential.unset', { id: job.id }))],
    };
  },
};

export const checksCommands: readonly Command[] = [
  confidential,
  identity,
  identitySubmit,
  identityReview,
  identityApprove,
  identityReject,
  nda,
  ndaAgree,
];
