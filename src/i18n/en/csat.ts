/** English messages `csat.*`: the customer's satisfaction rating of a completed inquiry. */
export const csat = {
  'csat.question': 'How did we do with Inquiry ID:{id}? Please rate us from 1 to 5 (5 is best).',
  'csat.choice.1': '1 Very dissatisfied',
  'csat.choice.2': '2 Dissatisfied',
  'csat.choice.3': '3 Neutral',
  'csat.choice.4': '4 Satisfied',
  'csat.choice.5': '5 Very satisfied',
  'csat.thanks': 'Thank you: we have your rating “{rating}” for Inquiry ID:{id}.',
  'csat.comment_prompt':
    'If you like, tell us more in a comment (up to {max} characters, optional). Tap “Skip” to finish without one.',
  'csat.comment_thanks': 'Thank you for your comment. It helps us improve our support.',
  'csat.comment_cancelled': 'No comment, then: your rating is kept. Thank you.',
  'csat.no_comment_thanks': 'Thank you for your rating.',
  'csat.already_rated':
    'You already rated Inquiry ID:{id} “{rating}”. We take one rating per inquiry, so it stays as it is. Thank you for your feedback.',
  'csat.rating': '{stars} ({score})',
  'csat.rating_comment': '{stars} ({score}) “{comment}”',
  'csat.field': 'Satisfaction',
  'csat.not_rated_yet': 'not rated',
  'csat.usage.csat': 'Usage: csat <inquiry ID> <1–5> (e.g. csat 29 5).',
  'csat.not_yours': '[E361] Only the person who opened Inquiry ID:{id} can rate it.',
  'csat.not_completed':
    '[E362] Inquiry ID:{id} is not completed yet, so it cannot be rated. Please rate it once we tell you it is completed.',
  'csat.score_invalid': '[E363] Please choose a rating from 1 to 5 (5 is best).',
  'csat.comment_too_long': '[E364] Comments can be at most {max} characters.',
  'csat.comment_text_only': '[E365] Please type your comment as text, or tap “Skip” to finish without one.',
  'csat.comment_exists': '[E366] You already left a comment on Inquiry ID:{id}. Thank you.',
  'csat.not_rated':
    '[E367] Inquiry ID:{id} has not been rated yet. Please choose a rating from 1 to 5 first.',
} as const;
