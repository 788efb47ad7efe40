/** Prometheus metrics (prom-client), one registry per app so tests can run several apps in a process. */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  chatEvents: Counter<'platform' | 'command' | 'outcome'>;
  chatLatency: Histogram<'platform'>;
  jobsProcessed: Counter<'queue' | 'job' | 'outcome'>;
  jobIdCollisions: Counter<'queue'>;
  queueDepth: Gauge<'queue' | 'state'>;
  notificationsSent: Counter<'platform' | 'kind'>;
  /** Desk SLA warnings and breaches (docs/domain.md §2.8), each counted once across processes. */
  deskSlaWarnings: Counter<'target' | 'category'>;
  deskSlaBreaches: Counter<'target' | 'category'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests served, by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    chatEvents: new Counter({
      name: 'chat_events_total',
      help: 'Chat events handled, by platform, command and outcome',
      labelNames: ['platform', 'command', 'outcome'],
      registers: [registry],
    }),
    chatLatency: new Histogram({
      name: 'chat_event_duration_seconds',
      help: 'Time from receiving a chat event to having its reply',
      labelNames: ['platform'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    jobsProcessed: new Counter({
      name: 'queue_jobs_processed_total',
      help: 'Background jobs finished, by queue, job name and outcome',
      labelNames: ['queue', 'job', 'outcome'],
      registers: [registry],
    }),
    jobIdCollisions: new Counter({
      name: 'queue_job_id_collisions_total',
      help: 'Jobs whose id the queue already held for a different job (added under a fresh id)',
      labelNames: ['queue'],
      registers: [registry],
    }),
    notificationsSent: new Counter({
      name: 'notifications_sent_total',
      help: 'Notifications delivered, by platform and kind (push or multicast recipients)',
      labelNames: ['platform', 'kind'],
      registers: [registry],
    }),
    deskSlaWarnings: new Counter({
      name: 'desk_sla_warnings_total',
      help: 'Support desk SLA warnings (80% of a target used), by target and inquiry category',
      labelNames: ['target', 'category'],
      registers: [registry],
    }),
    deskSlaBreaches: new Counter({
      name: 'desk_sla_breaches_total',
      help: 'Support desk SLA breaches (a target passed), by target and inquiry category',
      labelNames: ['target', 'category'],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state, sampled at scrape time',
      labelNames: ['queue', 'state'],
      registers: [registry],
    }),
  };
}
