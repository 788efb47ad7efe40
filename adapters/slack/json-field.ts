/**
 * A string field that carries JSON of our own (a modal's `private_metadata`, at most 3,000
 * characters, docs/platforms.md §2.5): parsed, then checked with `schema`; text that is not JSON is
 * an issue of the body, answered 400 like any other.
 */
import { z } from 'zod';

export const jsonField = <T extends z.ZodType>(schema: T, max = 3000) =>
  z
    .string()
    .max(max)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
