/**
 * メッセージ (docs/domain.md §3.1): direct conversations between users, started from a job (*ask a
 * question*), from a worker's profile (*consult*) or from contacts. Only members read or write a
 * conversation; each new message is queued for the other members on their own platform.
 */

import { UserError } from '../../errors.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { Role } from '../roles.ts';
import type { Page, PageRequest } from '../table.ts';
import type { Tx } from '../tx.ts';
import type {
  ConversationMemberRecord,
  ConversationRecord,
  ConversationSummary,
  MessageRecord,
} from './records.ts';
import { length, pageOf } from './validate.ts';

export const MAX_MESSAGE = 4000;
/** How much of a message a notification carries (the full text stays in the conversation). */
const EXCERPT = 200;
/** Who takes part in the marketplace (admins act as staff). */
const PARTICIPANTS: Role[] = ['worker', 'client', 'staff', 'admin'];

/**
 * Whom a first message is for: a person (メッセージ), a worker from their profile (相談する), or the
 * poster of a job (質問する).
 */
export type FirstMessageTarget =
  | { kind: 'message'; userId: number }
  | { kind: 'consult'; userId: number }
  | { kind: 'ask-job'; jobId: number }
  | { kind: 'team'; teamId: number };

/** Whom a first message reaches, about which job, and (チームに相談) with which team. */
interface Recipient {
  userId: number;
  jobId: number | null;
  teamId?: number;
}

export interface OpenedConversation {
  conversation: ConversationRecord;
  /** False when the pair already had a conversation (about the same job) and it was reused. */
  created: boolean;
}

export class MessageService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /**
   * Opens (or reuses) the one-to-one conversation with `withUserId`, optionally about a job; a job
   * conversation must involve the job's poster.
   */
  startConversation(
    actor: Actor,
    withUserId: number,
    options: { jobId?: number | null } = {},
  ): Promise<OpenedConversation> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...PARTICIPANTS);
      const jobId = options.jobId ?? null;
      if (jobId !== null) {
        const job = await tx.work.jobs.get(jobId);
        if (!job || (job.status === 'draft' && job.createdBy !== actor.userId)) {
          throw new UserError('market.job_not_found');
        }
        if (job.createdBy !== actor.userId && job.createdBy !== withUserId) {
          throw new UserError('market.job_not_yours');
        }
      }
      return this.open(tx, actor, { userId: withUserId, jobId });
    });
  }

  /** 質問する: a conversation with the job's poster about that job. */
  askAboutJob(actor: Actor, jobId: number): Promise<OpenedConversation> {
    return this.ctx.uow.run(async (tx) => {
      const to = await recipientOf(tx, actor, { kind: 'ask-job', jobId });
      return this.open(tx, actor, to);
    });
  }

  /** 相談する: from a worker's profile, a conversation with that worker. */
  consultWorker(actor: Actor, workerId: number): Promise<OpenedConversation> {
    return this.ctx.uow.run(async (tx) => {
      const to = await recipientOf(tx, actor, { kind: 'consult', userId: workerId });
      return this.open(tx, actor, to);
    });
  }

  /**
   * Who a first message to `target` would reach (the job's poster for a question), checked as
   * opening the conversation would check it; nothing is opened or written. Lets a command ask for
   * the message only when it can be sent.
   */
  recipient(actor: Actor, target: FirstMessageTarget): Promise<Recipient> {
    return this.ctx.uow.read(async (tx) => {
      const to = await recipientOf(tx, actor, target);
      await checkOther(tx, actor, to.userId);
      return to;
    });
  }

  /**
   * Opens (or reuses) the conversation for `target` and sends `body` in one transaction: a refused
   * message leaves no empty conversation behind.
   */
  startWith(
    actor: Actor,
    target: FirstMessageTarget,
    body: string,
  ): Promise<OpenedConversation & { message: MessageRecord }> {
    return this.ctx.uow.run(async (tx) => {
      const to = await recipientOf(tx, actor, target);
      const opened = await this.open(tx, actor, to);
      const message = await this.sendIn(tx, actor, opened.conversation.id, body);
      return { ...opened, message };
    });
  }

  /** Sends `body` (trimmed, 1–4,000 characters) and notifies every other member once. */
  send(actor: Actor, conversationId: number, body: string): Promise<MessageRecord> {
    return this.ctx.uow.run(async (tx) => {
      await membership(tx, actor, conversationId);
      return this.sendIn(tx, actor, conversationId, body);
    });
  }

  /**
   * A member of the team a conversation is with answers in it (from the team's Discord thread):
   * refused unless `teamId` is that team (MarketTables.teamOfConversation) and the actor is one of its
   * members; a member who is not in the conversation yet joins it, so the answers that follow reach them too.
   */
  sendAsTeamMember(
    actor: Actor,
    conversationId: number,
    teamId: number,
    body: string,
  ): Promise<MessageRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...PARTICIPANTS);
      if ((await tx.market.teamOfConversation(conversationId)) !== teamId) {
        throw new UserError('market.conversation_not_found');
      }
      if (!(await tx.market.teamMembers.findOne({ teamId, userId: actor.userId }))) {
        throw new UserError('market.not_team_member');
      }
      const member = await tx.market.conversationMembers.findOne({ conversationId, userId: actor.userId });
      if (!member) {
        await tx.market.conversationMembers.insert({ conversationId, userId: actor.userId });
        await tx.audit({
          actorUserId: actor.userId,
          action: 'market.conversation_joined',
          subjectType: 'conversation',
          subjectId: conversationId,
          data: { teamId },
        });
      }
      return this.sendIn(tx, actor, conversationId, body);
    });
  }

  /** `send` for a member, inside the caller's transaction. */
  private async sendIn(tx: Tx, actor: Actor, conversationId: number, body: string): Promise<MessageRecord> {
    const text = body.trim();
    if (text === '') throw new UserError('market.message_empty');
    if (length(text) > MAX_MESSAGE) throw new UserError('market.message_too_long', { max: MAX_MESSAGE });
    const now = this.ctx.clock();
    const message = await tx.market.messages.insert({
      conversationId,
      senderId: actor.userId,
      body: text,
      createdAt: now,
    });
    const conversation = await tx.market.conversations.update(conversationId, { lastMessageAt: now });
    const members = await tx.market.conversationMembers.find({ conversationId });
    const sender = await tx.users.get(actor.userId);
    for (const m of members) {
      if (m.userId === actor.userId) {
        // What one writes, one has read.
        await tx.market.conversationMembers.update(m.id, { lastReadAt: now });
        continue;
      }
      await tx.notify({
        type: 'market.message',
        recipientUserId: m.userId,
        payload: {
          conversationId,
          messageId: message.id,
          senderId: actor.userId,
          senderName: sender?.displayName ?? '',
          jobId: conversation.jobId,
          excerpt: [...text].slice(0, EXCERPT).join(''),
        },
        dedupeKey: `market.message:${message.id}:${m.userId}`,
      });
    }
    await tx.audit({
      actorUserId: actor.userId,
      action: 'market.message_sent',
      subjectType: 'conversation',
      subjectId: conversationId,
      data: { messageId: message.id },
    });
    return message;
  }

  /**
   * The conversation's messages, oldest first, one page at a time (offset from the first message).
   * A page that reaches the newest message marks the conversation read for the reader; a read
   * receipt is bookkeeping, not a change worth an audit row.
   */
  history(
    actor: Actor,
    conversationId: number,
    page: Partial<PageRequest> = {},
  ): Promise<Page<MessageRecord>> {
    return this.ctx.uow.run(async (tx) => {
      const member = await membership(tx, actor, conversationId);
      const p = pageOf(page);
      const total = await tx.market.messages.count({ conversationId });
      const items = await tx.market.messages.find(
        { conversationId },
        { orderBy: { createdAt: 'asc', id: 'asc' }, limit: p.limit, offset: p.offset },
      );
      if (items.length > 0 && p.offset + items.length >= total) {
        await tx.market.conversationMembers.update(member.id, { lastReadAt: this.ctx.clock() });
      }
      return { items, total };
    });
  }

  /** Marks everything in the conversation read for the reader. */
  markRead(actor: Actor, conversationId: number): Promise<void> {
    return this.ctx.uow.run(async (tx) => {
      const member = await membership(tx, actor, conversationId);
      await tx.market.conversationMembers.update(member.id, { lastReadAt: this.ctx.clock() });
    });
  }

  /** My conversations, latest activity first, each with the other members and my unread count. */
  myConversations(actor: Actor, page: Partial<PageRequest> = {}): Promise<Page<ConversationSummary>> {
    // One statement for the page and one count (market ports: conversationsOf).
    return this.ctx.uow.read((tx) => tx.market.conversationsOf(actor.userId, pageOf(page)));
  }

  private async open(tx: Tx, actor: Actor, to: Recipient): Promise<OpenedConversation> {
    const { userId: otherId, jobId } = to;
    const teamId = to.teamId ?? null;
    await checkOther(tx, actor, otherId);
    const opened = await tx.market.openDirectConversation(
      [actor.userId, otherId],
      jobId,
      this.ctx.clock(),
      teamId,
    );
    if (opened.created) {
      await tx.audit({
        actorUserId: actor.userId,
        action: 'market.conversation_started',
        subjectType: 'conversation',
        subjectId: opened.conversation.id,
        data: { withUserId: otherId, jobId, ...(teamId !== null ? { teamId } : {}) },
      });
    }
    return opened;
  }
}

/** The other person of a direct conversation: someone else, who takes part in the marketplace. */
async function checkOther(tx: Tx, actor: Actor, otherId: number): Promise<void> {
  if (otherId === actor.userId) throw new UserError('market.cannot_message_self');
  const other = await tx.users.get(otherId);
  if (!other?.roles.some((r) => PARTICIPANTS.includes(r))) throw new UserError('market.user_not_found');
}

/** Whom a conversation for `target` is with, and about which job; refused as the target's kind asks. */
async function recipientOf(tx: Tx, actor: Actor, target: FirstMessageTarget): Promise<Recipient> {
  requireRole(actor, ...PARTICIPANTS);
  switch (target.kind) {
    case 'message':
      return { userId: target.userId, jobId: null };
    case 'consult': {
      const worker = await tx.users.get(target.userId);
      if (!worker?.roles.includes('worker')) throw new UserError('market.worker_not_found');
      return { userId: target.userId, jobId: null };
    }
    case 'ask-job': {
      const job = await tx.work.jobs.get(target.jobId);
      if (!job || job.status === 'draft') throw new UserError('market.job_not_found');
      if (job.createdBy === null) throw new UserError('market.job_no_contact');
      return { userId: job.createdBy, jobId: target.jobId };
    }
    case 'team': {
      // チームに相談: the team's owner answers for it, and its members from the team's Discord thread.
      const team = await tx.market.teams.get(target.teamId);
      if (!team) throw new UserError('market.team_not_found');
      if (await tx.market.teamMembers.findOne({ teamId: team.id, userId: actor.userId })) {
        throw new UserError('market.team_consult_own');
      }
      return { userId: team.ownerId, jobId: null, teamId: team.id };
    }
  }
}

/** The reader's membership of the conversation; refused for anyone else (staff included). */
async function membership(tx: Tx, actor: Actor, conversationId: number): Promise<ConversationMemberRecord> {
  const conversation = await tx.market.conversations.get(conversationId);
  if (!conversation) throw new UserError('market.conversation_not_found');
  const member = await tx.market.conversationMembers.findOne({ conversationId, userId: actor.userId });
  if (!member) throw new UserError('forbidden');
  return member;
}
