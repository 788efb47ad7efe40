/**
 * A token bucket: `rate` requests per second with bursts up to `rate`, the model the platforms
 * publish for their own limits (LINE: per-channel token bucket, docs/platforms.md §1.4). Senders wait for a
 * token instead of collecting 429s; the platform's 429 handling stays as the backstop.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly rate: number;
  private readonly capacity: number;
  private readonly now: () => number;
  private queue: Promise<void> = Promise.resolve();

  constructor(rate: number, options: { capacity?: number; now?: () => number } = {}) {
    if (!(rate > 0)) throw new Error('rate must be positive');
    this.rate = rate;
    this.capacity = options.capacity ?? rate;
    this.now = options.now ?? (() => performance.now());
    this.tokens = this.capacity;
    this.last = this.now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  /** Resolves when a token was taken; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      this.refill();
      while (this.tokens < 1) {
        const waitMs = Math.max(1, ((1 - this.tokens) / this.rate) * 1000);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        this.refill();
      }
      this.tokens -= 1;
    });
    this.queue = turn;
    return turn;
  }
}
