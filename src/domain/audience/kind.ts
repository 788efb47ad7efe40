/**
 * What a fan-out kind is: a notification sent to an audience worked out in the database, in pages,
 * rather than to recipients a service names. The kinds themselves are in ./kinds.ts.
 */
import type { Button, Reply } from '../../chat/types.ts';
import type { Locale } from '../../i18n/index.ts';
import type { NotificationPayloads } from '../shared.ts';

export interface RenderOptions {
  timeZone: string;
  /**
   * Turns a button (its payload a command) into the one the recipient gets: a short-lived token
   * button when sent to one person, the button as it is in a multicast (one message for everyone).
   */
  button?: (button: Button) => Promise<Button>;
}

export interface FanoutKind<Content = unknown> {
  /** The notification type of its messages, and the run's kind in fanout_runs, fanout_batches and fanout_receipts. */
  type: keyof NotificationPayloads;
  /** The table of its subject (the job, the notice), joined once per page as `alias` on the subject id. */
  subject: { table: string; alias: string };
  /** Whom it reaches: a condition on `u` (users), `ap` (WITH_ALERT_PREFERENCES) and the subject's alias. */
  audience: string;
  /** Whether its cause still stands, a condition on the subject's alias; once false, what is left is cancelled. */
  live: string;
  /** The reason recorded for messages cancelled because the cause is gone. */
  cancelledReason: string;
  /** What a message shows, as jsonb over the subject's alias (parsed by `parse`). */
  content: string;
  /** The payload of a message sent one by one (an outbox row), as jsonb over the subject's alias. */
  payload: string;
  /** The payload field holding the subject's id. */
  subjectKey: string;
  /** Messages wait out the recipient's quiet hours (and so never go in a multicast to someone who has them). */
  quietHours: boolean;
  /** The content as the database returns it (jsonb), typed. */
  parse(json: unknown): Content;
  render(content: Content, locale: Locale, options: RenderOptions): Promise<Reply>;
  /**
   * A button of its messages that is counted when pressed (a job alert's Apply and Details, for the
   * alert's funnel): the subject and the command it runs, or null for any other payload.
   */
  tap?(payload: string): { subjectId: number; command: string } | null;
}

/** Applies `options.button` to every button of a reply's blocks. */
export async function personalButtons(buttons: Button[], options: RenderOptions): Promise<Button[]> {
  const wrap = options.button;
  return wrap ? Promise.all(buttons.map((b) => wrap(b))) : buttons;
}

/** A value of a jsonb object, checked. */
export function field<T>(json: unknown, key: string, check: (v: unknown) => v is T): T {
  const value = (json as Record<string, unknown> | null)?.[key];
  if (!check(value)) throw new Error(`fan-out content: bad ${key}`);
  return value;
}
export const isNumber = (v: unknown): v is number => typeof v === 'number';
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
