/**
 * The fan-out kinds, and the SQL the fan-out machinery (db/fanout.ts) builds from them. A kind names
 * its audience, its cause (and what cancels it), what its messages show, and whether they wait out
 * quiet hours; the machinery (runs, pages, batches, receipts, delivery) is the same for every kind.
 */
import type { NotificationType } from '../shared.ts';
import { jobAlertKind } from './job-alert.ts';
import type { FanoutKind } from './kind.ts';
import { noticeKind } from './notice.ts';
import { lit } from './sql.ts';

export const FANOUT_TYPES = ['job.alert', 'notice.published'] as const;
export type FanoutType = (typeof FANOUT_TYPES)[number];

const KINDS: Readonly<Record<FanoutType, FanoutKind>> = Object.freeze({
  'job.alert': jobAlertKind as FanoutKind,
  'notice.published': noticeKind as FanoutKind,
});

export const isFanoutType = (type: string): type is FanoutType => Object.hasOwn(KINDS, type);

export const fanoutKind = (type: FanoutType): FanoutKind => KINDS[type];

/** The kind behind a notification of this type, if it is one. */
export const fanoutKindOf = (type: NotificationType): FanoutKind | undefined =>
  isFanoutType(type) ? KINDS[type] : undefined;

/** The subject `subject` (an SQL expression) of kind `k`, if its cause still stands: its row, filtered. */
const subjectRow = (k: FanoutKind, subject: string) =>
  `from ${k.subject.table} ${k.subject.alias} where ${k.subject.alias}.id = ${subject} and ${k.live}`;

/** Whether the cause of a fan-out of kind `kind` (an SQL expression) about `subject` still stands. */
export function liveSql(kind: string, subject: string): string {
  const whens = FANOUT_TYPES.map(
    (t) => `when ${lit(t)} then exists (select 1 ${subjectRow(KINDS[t], subject)})`,
  );
  return `case ${kind} ${whens.join(' ')} else false end`;
}

/** What a message of kind `kind` about `subject` shows (jsonb), or null when its cause is gone. */
export function contentSql(kind: string, subject: string): string {
  const whens = FANOUT_TYPES.map(
    (t) => `when ${lit(t)} then (select ${KINDS[t].content} ${subjectRow(KINDS[t], subject)})`,
  );
  return `case ${kind} ${whens.join(' ')} end`;
}

/**
 * What an outbox row of a fan-out kind shows (jsonb, null when its cause is gone), the subject read
 * from its payload; null for any other notification (`o` is the outbox row).
 */
export function outboxContentSql(o: string): string {
  const whens = FANOUT_TYPES.map((t) => {
    const k = KINDS[t];
    return `when ${lit(t)} then (select ${k.content} ${subjectRow(k, `(${o}.payload->>${lit(k.subjectKey)})::int`)})`;
  });
  return `case ${o}.type ${whens.join(' ')} end`;
}

/** A counted button of a fan-out's message (FanoutKind.tap): the subject and the command it runs. */
export function fanoutTap(payload: string): { subjectId: number; command: string } | null {
  for (const kind of Object.values(KINDS)) {
    const tap = kind.tap?.(payload);
    if (tap) return tap;
  }
  return null;
}
