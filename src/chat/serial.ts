/**
 * Runs tasks one after another per key (a user), and in parallel across keys. Adapters use it so a
 * user's quick successive messages reach a guided flow in the order they were received, even when
 * the queue worker runs several events at once.
 */
export class KeyedSerial {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget the key once its last task is done, so the map does not grow with every user ever seen.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work pending (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
