/** English messages `job.*`: job notice fields and statuses (募集案件). */
export const job = {
  'job.title_required': 'Please enter a job title (up to 200 characters).',
  'job.bad_reward':
    'The reward must be a whole number of yen, 1 or more. For unit pricing give a unit price and a quantity.',
  'job.bad_openings': 'Openings must be 1 or more.',
  'job.deadline_in_past': 'The application deadline must be in the future.',
  'job.due_in_past': 'The due date must be in the future.',
  'job.due_before_deadline': 'The due date cannot be before the application deadline.',
  'job.not_open': 'This job notice is not open for applications.',
  'job.deadline_passed': 'The application deadline for this job has passed.',
  'job.wrong_state': 'This job notice is “{status}”, so that is not possible.',
  'job.status.draft': 'Draft',
  'job.status.open': 'Open',
  'job.status.closed': 'Closed',
  'job.status.cancelled': 'Cancelled',
} as const;
