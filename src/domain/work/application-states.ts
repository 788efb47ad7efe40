/**
 * The application state machine of docs/domain.md §1.3, as data:
 *   applied → accepted | rejected | withdrawn;  accepted → working → delivered → approved;
 *   delivered → revision_requested → working (loop);  staff may cancel before approval.
 */
import { UserError } from '../../errors.ts';
import type { ApplicationRecord, ApplicationStatus } from './records.ts';

export const TRANSITIONS = {
  accept: { from: ['applied'], to: 'accepted' },
  reject: { from: ['applied'], to: 'rejected' },
  withdraw: { from: ['applied'], to: 'withdrawn' },
  start: { from: ['accepted', 'revision_requested'], to: 'working' },
  deliver: { from: ['working'], to: 'delivered' },
  approve: { from: ['delivered'], to: 'approved' },
  requestRevision: { from: ['delivered'], to: 'revision_requested' },
  cancel: { from: ['applied', 'accepted', 'working', 'delivered', 'revision_requested'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus }>;

export type ApplicationAction = keyof typeof TRANSITIONS;

/** The state `action` leads to, or a refusal naming the current state. */
export function nextStatus(app: ApplicationRecord, action: ApplicationAction): ApplicationStatus {
  const rule = TRANSITIONS[action];
  if (!(rule.from as readonly ApplicationStatus[]).includes(app.status)) {
    if (action === 'start' && app.status === 'applied') throw new UserError('application.not_accepted');
    throw new UserError('application.wrong_state', { status: `@application.status.${app.status}` });
  }
  return rule.to;
}
