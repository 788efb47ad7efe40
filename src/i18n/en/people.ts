/** English messages `people.*`: picking a person by name or number. */
export const people = {
  'people.button.invite': 'Invite to team',
  'people.usage.invite':
    'Usage: invite-to-team <user number> [team URL] (e.g. invite-to-team 12, or invite-to-team 12 design-lab).',
  'people.invite.no_team':
    'You have no team to invite {who} to yet. Create one with “team-create <url> <name>” (e.g. team-create design-lab Designers), then try again.',
  'people.invite.which': 'Which team do you want to invite {who} to?',
  'people.invite.more': 'For a team not listed here, send “invite-to-team #{id} <team URL>”.',
  'people.first_message.prompt': 'Type your message to {to}.',
  'people.first_message.to_job': 'the poster of job #{job}',
  'people.first_message.to_team': 'the team “{team}”',
  'people.first_message.field.to': 'To',
  'people.first_message.field.body': 'Message',
  'people.missing': 'Please name the person by number (e.g. #12) or part of their name.',
  'people.not_found':
    'Nobody named “{name}” was found. Please give part of the name, or the number (e.g. #12).',
  'people.which': 'Several people match “{name}”. Which one?',
  'people.which_many':
    'Many people match “{name}”; here are the first {count}. Which one? (If they are not here, type more of the name.)',
} as const;
