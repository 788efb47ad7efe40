/** The senders' token bucket: a burst up to the rate, then one request per 1/rate s, in order. */
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../adapters/shared/token-bucket.ts';

describe('TokenBucket', () => {
  it('lets a burst through, then holds the next request until time has refilled a token', async () => {
    let now = 0;
    const bucket = new TokenBucket(4, { now: () => now });
    const order: number[] = [];
    for (let i = 0; i < 4; i++) await bucket.take().then(() => order.push(i));
    expect(order).toEqual([0, 1, 2, 3]);

    let fifth = false;
    const waiting = bucket.take().then(() => {
      fifth = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    // No time has passed on the bucket's clock: still empty, still waiting.
    expect(fifth).toBe(false);
    now += 250; // a quarter second refills one token at 4/s
    await waiting;
    expect(fifth).toBe(true);
  });

  it('serves waiting requests in the order they asked', async () => {
    let now = 0;
    const bucket = new TokenBucket(1, { now: () => now });
    await bucket.take();
    const served: string[] = [];
    const a = bucket.take().then(() => served.push('a'));
    const b = bucket.take().then(() => served.push('b'));
    now += 1000;
    await a;
    expect(served).toEqual(['a']);
    now += 1000;
    await b;
    expect(served).toEqual(['a', 'b']);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new TokenBucket(0)).toThrow('rate must be positive');
  });
});
