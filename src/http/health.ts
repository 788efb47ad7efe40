/** Liveness, readiness and metrics endpoints (docs/architecture.md §3.2). */
import type { Metrics } from '../metrics.ts';
import type { JobQueue } from '../queue.ts';
import type { HttpServer } from './server.ts';

export interface Readiness {
  ready: boolean;
  role: 'web' | 'worker' | 'all';
  store: { kind: 'embedded' | 'postgres'; status: 'ok' | 'down' };
  /** `warnings`: how jobs the queue acknowledged could be lost (Redis eviction or no persistence). */
  queue: { backend: 'redis' | 'postgres'; status: 'ok' | 'down'; warnings?: string[] };
  /** `gateway`: Discord's Gateway connection, where this process holds one (degraded when away > 60 s). */
  platforms: Record<
    string,
    {
      enabled: boolean;
      missing?: string[];
      gateway?: { state: string; since: string; status: 'ok' | 'degraded' };
    }
  >;
}

export function healthRoutes(
  http: HttpServer,
  deps: { readiness: () => Promise<Readiness>; metrics: Metrics; queue: JobQueue },
): void {
  http.route('GET', '/healthz', async () => ({ status: 200, body: { status: 'ok' } }));

  http.route('GET', '/readyz', async () => {
    const r = await deps.readiness();
    return { status: r.ready ? 200 : 503, body: r };
  });

  http.route('GET', '/metrics', async () => {
    // Queue depth is sampled at scrape time; a queue outage must not break the scrape.
    try {
      const counts = await deps.queue.counts();
      deps.metrics.queueDepth.reset();
      for (const [queue, states] of Object.entries(counts)) {
        for (const [state, n] of Object.entries(states)) deps.metrics.queueDepth.set({ queue, state }, n);
      }
    } catch {
      // leave the previous sample
    }
    return {
      status: 200,
      headers: { 'content-type': deps.metrics.registry.contentType },
      body: await deps.metrics.registry.metrics(),
    };
  });
}
