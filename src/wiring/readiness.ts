/**
 * What `/readyz` reports for this process: the store and the queue (with the ways the queue's
 * server could lose jobs it accepted), each platform's configuration, and the Discord Gateway.
 */
import type { GatewayStatus } from '../../adapters/discord/gateway.ts';
import type { Config } from '../config.ts';
import type { Readiness } from '../http/health.ts';
import type { Logger } from '../logger.ts';
import type { JobQueue } from '../queue.ts';
import type { OpenedStore } from './open-store.ts';

export interface ReadinessDeps {
  config: Config;
  store: OpenedStore;
  queue: JobQueue;
  logger: Logger;
  /** The Gateway's state, when this process holds one. */
  gateway: () => GatewayStatus | undefined;
}

export function readinessCheck(deps: ReadinessDeps): () => Promise<Readiness> {
  const { config, store, queue, logger } = deps;
  // How the queue's server could lose jobs it accepted: logged once at start, shown on /readyz, and
  // looked at again at most once a minute.
  let durability = { at: 0, warnings: [] as string[] };
  const durabilityWarnings = async (): Promise<string[]> => {
    if (Date.now() - durability.at < 60_000) return durability.warnings;
    try {
      durability = { at: Date.now(), warnings: (await withTimeout(queue.durability(), 2000)).warnings };
    } catch {
      // the queue is down: /readyz says so already
    }
    return durability.warnings;
  };
  if (queue.backend === 'redis') {
    void durabilityWarnings().then((warnings) => {
      for (const warning of warnings) logger.warn({ queue: 'redis' }, warning);
    });
  }
  const check = async (probe: () => Promise<void>) => {
    try {
      await withTimeout(probe(), 2000);
      return 'ok' as const;
    } catch {
      return 'down' as const;
    }
  };
  return async () => {
    const [storeStatus, queueStatus] = await Promise.all([
      check(() => store.store.ping()),
      check(() => queue.ping()),
    ]);
    const gateway = deps.gateway();
    return {
      ready: storeStatus === 'ok' && queueStatus === 'ok',
      role: config.role,
      store: { kind: store.kind, status: storeStatus },
      queue: {
        backend: queue.backend,
        status: queueStatus,
        ...(queueStatus === 'ok' && queue.backend === 'redis'
          ? await durabilityWarnings().then((w) => (w.length > 0 ? { warnings: w } : {}))
          : {}),
      },
      platforms: {
        console: { enabled: true },
        slack: platform(config.slack.status),
        line: platform(config.line.status),
        discord: {
          ...platform(config.discord.status),
          // The Gateway being away does not make this process unready (HTTP interactions still work).
          ...(gateway ? { gateway } : {}),
        },
      },
    };
  };
}

function platform(status: Config['slack']['status']) {
  return status.enabled ? { enabled: true } : { enabled: false, missing: [...status.missing] };
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
