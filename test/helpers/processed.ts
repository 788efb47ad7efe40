/** Counts adapter "handled" callbacks by id, so a bench can wait until a request was fully handled. */
export interface ProcessedTracker {
  /** The adapter's onProcessed hook. */
  mark(id: string): void;
  count(id: string): number;
  /** Resolves once `id` was handled `count` times in all; rejects after `timeoutMs`. */
  wait(id: string, count: number, timeoutMs?: number): Promise<void>;
}

export function processedTracker(what = 'request'): ProcessedTracker {
  const processed = new Map<string, number>();
  const waiters: { id: string; count: number; resolve: () => void }[] = [];
  return {
    mark(id) {
      const count = (processed.get(id) ?? 0) + 1;
      processed.set(id, count);
      for (const w of [...waiters]) {
        if (w.id === id && count >= w.count) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    },
    count: (id) => processed.get(id) ?? 0,
    wait(id, count, timeoutMs = 15_000) {
      return new Promise<void>((resolve, reject) => {
        if ((processed.get(id) ?? 0) >= count) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`${what} ${id} not handled within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          id,
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}
