/** English messages `application.*`: applications and their statuses (応募). */
export const application = {
  'application.duplicate': 'You have already applied for this job. See your applications for its status.',
  'application.wrong_state': 'This application is “{status}”, so that is not possible.',
  'application.openings_full': 'All {openings} openings are filled; no one else can be accepted.',
  'application.not_accepted': 'You can start work only on an accepted application.',
  'application.no_work_files':
    'The work files have not been handed over yet, so work cannot start. Please wait for your contact.',
  'application.reason_required': 'Please give a reason.',
  'application.message_too_long': 'Please keep the message within {max} characters.',
  'application.status.applied': 'Applied',
  'application.status.accepted': 'Accepted',
  'application.status.rejected': 'Rejected',
  'application.status.withdrawn': 'Withdrawn',
  'application.status.working': 'Working',
  'application.status.delivered': 'Delivered (awaiting review)',
  'application.status.revision_requested': 'Revision requested',
  'application.status.approved': 'Approved',
  'application.status.cancelled': 'Cancelled',
} as const;
