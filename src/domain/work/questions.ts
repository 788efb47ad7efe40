/** 質問履歴: a worker's questions on an application and the staff's answers, kept in order. */
import { UserError } from '../../errors.ts';
import type { Actor } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { applicationAccess, requireManager, requireWorker } from './access.ts';
import type { ApplicationStatus, QuestionRecord } from './records.ts';

const MAX_TEXT = 4000;
/** Questions make sense while the work is undecided or going on. */
const OPEN_STATES: ApplicationStatus[] = [
  'applied',
  'accepted',
  'working',
  'delivered',
  'revision_requested',
];

export class QuestionService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  ask(actor: Actor, applicationId: number, body: string): Promise<QuestionRecord> {
    return this.ctx.uow.run(async (tx) => {
      const access = await applicationAccess(tx, actor, applicationId);
      requireWorker(access);
      const text = body.trim();
      if (text === '' || text.length > MAX_TEXT) throw new UserError('question.body_required');
      if (!OPEN_STATES.includes(access.app.status)) {
        throw new UserError('application.wrong_state', {
          status: `@application.status.${access.app.status}`,
        });
      }
      const q = await tx.work.questions.insert({ applicationId, askedBy: actor.userId, body: text });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'question.asked',
        subjectType: 'question',
        subjectId: q.id,
        data: { applicationId },
      });
      if (access.job.createdBy !== null) {
        await tx.notify({
          type: 'question.asked',
          recipientUserId: access.job.createdBy,
          payload: { questionId: q.id, applicationId, jobId: access.job.id },
          dedupeKey: `question.asked:${q.id}`,
        });
      }
      return q;
    });
  }

  answer(actor: Actor, questionId: number, answer: string): Promise<QuestionRecord> {
    return this.ctx.uow.run(async (tx) => {
      const q = await tx.work.questions.lock(questionId);
      if (!q) throw new UserError('not_found', { thing: '@thing.question' });
      const access = await applicationAccess(tx, actor, q.applicationId);
      requireManager(access);
      if (q.answer !== null) throw new UserError('question.already_answered');
      const text = answer.trim();
      if (text === '' || text.length > MAX_TEXT) throw new UserError('question.answer_required');
      const updated = await tx.work.questions.update(q.id, {
        answer: text,
        answeredBy: actor.userId,
        answeredAt: this.ctx.clock(),
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'question.answered',
        subjectType: 'question',
        subjectId: q.id,
        data: {},
      });
      await tx.notify({
        type: 'question.answered',
        recipientUserId: access.app.workerId,
        payload: { questionId: q.id, applicationId: q.applicationId, jobId: access.job.id },
        dedupeKey: `question.answered:${q.id}`,
      });
      return updated;
    });
  }

  /** The whole question-and-answer history of an application, oldest first. */
  history(actor: Actor, applicationId: number): Promise<QuestionRecord[]> {
    return this.ctx.uow.read(async (tx) => {
      await applicationAccess(tx, actor, applicationId, false);
      return tx.work.questions.find({ applicationId }, { orderBy: { id: 'asc' } });
    });
  }
}
