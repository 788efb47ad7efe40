/**
 * The SLA watch (docs/domain.md §2.8): every worker process looks at the open inquiries now and
 * then and records the warnings and breaches that fell due. Each is recorded once whichever process
 * sees it first, so the one that recorded it is the one that counts it (`onRecorded`); the desk
 * channel is told by the Slack desk (adapters/slack/desk-sla.ts).
 */
import type { Logger } from '../../logger.ts';
import type { SlaAlertKey } from './desk-ports.ts';
import type { DeskSlaService } from './desk-sla.ts';
import type { SlaFacts } from './sla.ts';

export interface SlaWatchOptions {
  sla: DeskSlaService;
  logger: Logger;
  /** Called once per recorded warning or breach (the breach metric). */
  onRecorded?: (alert: SlaAlertKey, facts: SlaFacts) => void;
}

export class SlaWatch {
  private readonly o: SlaWatchOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(options: SlaWatchOptions) {
    this.o = options;
  }

  /**
   * One look: round-robin inquiries that waited take their turns (docs/domain.md §2.10), then what fell
   * due is recorded; returns how many alerts were recorded by this call.
   */
  async sweepOnce(): Promise<number> {
    await this.o.sla.assignWaiting();
    const recorded = await this.o.sla.recordAlerts();
    for (const { alert, facts } of recorded) this.o.onRecorded?.(alert, facts);
    return recorded.length;
  }

  start(intervalMs = 30_000): void {
    const tick = () => {
      this.running ??= this.sweepOnce()
        .catch((err: unknown) => this.o.logger.warn({ err: (err as Error).message }, 'SLA sweep failed'))
        .finally(() => {
          this.running = undefined;
        });
      this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
