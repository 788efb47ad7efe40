/** English messages `jobs.*`: the job list (求人). */
export const jobs = {
  'jobs.title': 'Job notices ({count})',
  'jobs.title_at_least': 'Job notices ({count} or more)',
  'jobs.empty': 'There are no open job notices right now. We will let you know when a new one is posted.',
  'jobs.title_keyword': 'Job notices for “{keyword}” ({count})',
  'jobs.empty_keyword':
    'No open job notice matches “{keyword}”. Try another word, or “jobs” to see them all.',
  'jobs.more': '{count} more. Send “jobs {page}” for the next page.',
  'jobs.field.reward': 'Reward',
  'jobs.field.openings': 'Openings',
  'jobs.field.deadline': 'Apply by',
  'jobs.field.location': 'Location',
  'jobs.openings': '{count}',
  'jobs.remote': 'Remote',
  'jobs.no_deadline': 'None',
  'jobs.button.next': 'Next page',
  'jobs.button.prev': 'Previous page',
  'jobs.bad_page': 'Please give a page number of 1 or more (e.g. jobs 2).',
} as const;
