/**
 * The desk's hours, SLAs, duty and round-robin as services (docs/domain.md §2.7–§2.10): the SLA
 * status of one inquiry or of every open one, the staff's settings per category (targets,
 * round-robin), going on and off duty, and recording the SLA alerts that fall due.
 */
import { UserError } from '../../errors.ts';
import { type Actor, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { visibleInquiry } from './access.ts';
import { assignWaitingInTurn } from './assignment.ts';
import { type DeskSettings, deskOf, hoursOn, isOpen, nextOpening, previousClosing } from './calendar.ts';
import type { SlaAlertKey } from './desk-ports.ts';
import type { InquiryCategoryRecord, InquiryRecord } from './records.ts';
import {
  alertsDue,
  MAX_SLA_MINUTES,
  type SlaClock,
  type SlaFacts,
  type SlaStatus,
  type SlaTarget,
  slaFactsOf,
  slaStatus,
} from './sla.ts';

/** An open inquiry on the SLA board: its facts and its status now. */
export interface SlaBoardRow {
  facts: SlaFacts;
  status: SlaStatus;
}

/** The desk right now, as 基本情報 and the after-hours reply tell it. */
export interface DeskNow {
  settings: DeskSettings;
  openNow: boolean;
  /** Today's hours (business date), null when closed all day. */
  today: { open: Date; close: Date } | null;
  /** Now while open, else when it opens. */
  nextOpening: Date;
}

export interface DutyEntry {
  userId: number;
  displayName: string;
  since: Date;
}

/** Business minutes left on the most pressing running clock (Infinity when none runs). */
function urgency(status: SlaStatus): number {
  const running = [status.firstResponse, status.resolution].filter(
    (c): c is SlaClock => c !== null && c.stoppedAt === null,
  );
  return Math.min(Infinity, ...running.map((c) => c.leftMinutes));
}

export class DeskSlaService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  get settings(): DeskSettings {
    return deskOf(this.ctx);
  }

  /** Whether the desk is open now, today's hours and the next opening. */
  now(): DeskNow {
    const settings = this.settings;
    const at = this.ctx.clock();
    return {
      settings,
      openNow: isOpen(settings.calendar, at),
      today: hoursOn(settings.calendar, at),
      nextOpening: nextOpening(settings.calendar, at),
    };
  }

  /** The SLA status now of an inquiry already read (e.g. an InquiryDetail), without a query. */
  statusOf(inquiry: InquiryRecord, category: InquiryCategoryRecord): SlaStatus {
    return slaStatus(slaFactsOf(inquiry, category), this.ctx.clock(), this.settings.calendar);
  }

  /** An inquiry's SLA status now (first response and resolution), for whoever may see it. */
  status(actor: Actor, inquiryId: number): Promise<SlaStatus> {
    return this.ctx.uow.read(async (tx) => {
      const inquiry = await visibleInquiry(tx, actor, inquiryId);
      const category = await tx.support.categories.get(inquiry.categoryId);
      if (!category) throw new Error(`inquiry ${inquiry.id} lost its category`);
      return this.statusOf(inquiry, category);
    });
  }

  /** [staff] Every open inquiry's SLA status, the least time left first; optionally one company's. */
  board(actor: Actor, options: { companyId?: number; limit?: number } = {}): Promise<SlaBoardRow[]> {
    return this.ctx.uow.read(async (tx) => {
      requireStaff(actor);
      const now = this.ctx.clock();
      const facts = await tx.support.slaFacts(options.limit === undefined ? {} : { limit: options.limit });
      return facts
        .filter((f) => options.companyId === undefined || f.companyId === options.companyId)
        .map((f) => ({ facts: f, status: slaStatus(f, now, this.settings.calendar) }))
        .sort((a, b) => urgency(a.status) - urgency(b.status) || a.facts.inquiryId - b.facts.inquiryId);
    });
  }

  /** [staff] Sets (or with null, removes) a category's target, in business minutes. */
  setTarget(
    actor: Actor,
    categoryId: number,
    target: SlaTarget,
    minutes: number | null,
  ): Promise<InquiryCategoryRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_SLA_MINUTES)) {
        throw new UserError('sla.bad_minutes', { max: MAX_SLA_MINUTES });
      }
      const category = await tx.support.categories.get(categoryId);
      if (!category) throw new UserError('support.category_not_found');
      const field = target === 'first_response' ? 'slaFirstResponseMinutes' : 'slaResolutionMinutes';
      const updated = await tx.support.categories.update(category.id, { [field]: minutes });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'support.sla_target_set',
        subjectType: 'inquiry_category',
        subjectId: category.id,
        data: { target, minutes, before: category[field] },
      });
      return updated;
    });
  }

  /** [staff] Switches round-robin assignment of a category on or off. */
  setRoundRobin(actor: Actor, categoryId: number, on: boolean): Promise<InquiryCategoryRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const category = await tx.support.categories.get(categoryId);
      if (!category) throw new UserError('support.category_not_found');
      if (category.roundRobin === on) return category;
      const updated = await tx.support.categories.update(category.id, { roundRobin: on });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'support.round_robin_set',
        subjectType: 'inquiry_category',
        subjectId: category.id,
        data: { on },
      });
      return updated;
    });
  }

  /** [staff] 勤務開始: on duty from now until 勤務終了 or the desk's next closing. */
  startDuty(actor: Actor): Promise<{ started: boolean; since: Date }> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const now = this.ctx.clock();
      // A shift that ended with the desk's closing is over: starting again starts anew.
      const current = await tx.support.onDuty(previousClosing(this.settings.calendar, now));
      const mine = current.find((d) => d.userId === actor.userId);
      if (mine) return { started: false, since: mine.since };
      await tx.support.endDuty(actor.userId);
      await tx.support.startDuty(actor.userId, now);
      await tx.audit({
        actorUserId: actor.userId,
        action: 'support.duty_started',
        subjectType: 'user',
        subjectId: actor.userId,
        data: {},
      });
      // Inquiries that waited for someone on duty take their turns now (if the desk is open).
      await assignWaitingInTurn(tx, this.settings.calendar, now);
      return { started: true, since: now };
    });
  }

  /** [staff] 勤務終了; false when they were not on duty. */
  endDuty(actor: Actor): Promise<boolean> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const current = await tx.support.onDuty(previousClosing(this.settings.calendar, this.ctx.clock()));
      const ended = await tx.support.endDuty(actor.userId);
      if (!ended || !current.some((d) => d.userId === actor.userId)) return false;
      await tx.audit({
        actorUserId: actor.userId,
        action: 'support.duty_ended',
        subjectType: 'user',
        subjectId: actor.userId,
        data: {},
      });
      return true;
    });
  }

  /** [staff] Who is on duty in the current shift (since the desk last closed), by user id. */
  onDuty(actor: Actor): Promise<DutyEntry[]> {
    return this.ctx.uow.read(async (tx) => {
      requireStaff(actor);
      const rows = await tx.support.onDuty(previousClosing(this.settings.calendar, this.ctx.clock()));
      const users = await tx.users.find({ id: rows.map((r) => r.userId) });
      const names = new Map(users.map((u) => [u.id, u.displayName]));
      return rows.map((r) => ({ ...r, displayName: names.get(r.userId) ?? '' }));
    });
  }

  /**
   * Records the SLA warnings and breaches due now on open inquiries and returns those recorded by
   * this call (each is recorded once, whichever process calls first).
   */
  /** Round-robin inquiries that waited for someone on duty take their turns (the sweep, at opening). */
  assignWaiting(): Promise<number[]> {
    return this.ctx.uow.run((tx) => assignWaitingInTurn(tx, this.settings.calendar, this.ctx.clock()));
  }

  recordAlerts(): Promise<{ alert: SlaAlertKey; facts: SlaFacts }[]> {
    return this.ctx.uow.run(async (tx) => {
      const now = this.ctx.clock();
      const facts = await tx.support.slaFacts({ limit: 10_000 });
      const byId = new Map(facts.map((f) => [f.inquiryId, f]));
      const due = facts.flatMap((f) =>
        alertsDue(slaStatus(f, now, this.settings.calendar)).map((a) => ({ inquiryId: f.inquiryId, ...a })),
      );
      const recorded = await tx.support.recordSlaAlerts(due);
      return recorded.map((alert) => ({ alert, facts: byId.get(alert.inquiryId) as SlaFacts }));
    });
  }
}
