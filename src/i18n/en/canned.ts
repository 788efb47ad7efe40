/** English messages `canned.*`: the staff's canned replies. */
export const canned = {
  'canned.usage.canned-add':
    'Usage: canned-add <name> <text> (e.g. canned-add thanks {example}). The text may use the placeholders {placeholders}.',
  'canned.usage.canned-edit': 'Usage: canned-edit <name> <new text> (e.g. canned-edit thanks {example}).',
  'canned.usage.canned-en':
    'Usage: canned-en <name> <English text> (e.g. canned-en thanks {example}). “canned-en <name> none” removes the English text.',
  'canned.usage.canned-delete': 'Usage: canned-delete <name> (e.g. canned-delete thanks).',
  'canned.usage.canned-send': 'Usage: canned-send <inquiry ID> <name> (e.g. canned-send 29 thanks).',
  'canned.example': 'Dear {customer}, thank you for contacting us. This is {staff}.',
  'canned.added': 'Canned reply “{name}” saved.',
  'canned.edited': 'The text of canned reply “{name}” was changed.',
  'canned.en_set': 'Canned reply “{name}” now has an English text, which customers who read English receive.',
  'canned.en_cleared':
    'The English text of canned reply “{name}” was removed: customers who read English receive the Japanese text.',
  'canned.deleted': 'Canned reply “{name}” deleted.',
  'canned.list.title': 'Canned replies ({count})',
  'canned.list.none': 'There are no canned replies yet. Add one with “canned-add <name> <text>”.',
  'canned.list.ja': 'Japanese',
  'canned.list.en': 'English',
  'canned.list.en_missing': '(none: the Japanese text is sent)',
  'canned.list.how_to':
    'Send one by replying “canned <name>” in an inquiry’s Slack thread, or with the “Send a canned reply” shortcut on a message in the thread. Elsewhere: “canned-send <inquiry ID> <name>”. Placeholders: {placeholders}',
  'canned.sent': 'Canned reply “{name}” sent on {label}.',
  'canned.button.list': 'Canned replies',
  'canned.button.show': 'Show',
  'canned.name_invalid': '[E371] A canned reply’s name has no spaces and at most 30 characters.',
  'canned.body_required': '[E372] Please give the canned reply a text of at most {max} characters.',
  'canned.unknown_placeholder':
    '[E373] “{placeholder}” is not a placeholder we know, so nothing was saved. Known placeholders: {known}',
  'canned.exists':
    '[E374] There is already a canned reply “{name}”. To change its text, send “canned-edit {name} <text>”.',
  'canned.not_found': '[E375] There is no canned reply “{name}”. The canned replies are: {names}',
  'canned.not_found_empty': '[E376] There is no canned reply “{name}”: none have been added yet.',
  'canned.slack.header': '(staff) · canned reply “{name}”',
  'canned.slack.usage':
    'To send a canned reply, reply with just “canned <name>” (this message was not sent to the customer). Canned replies: {names}',
  'canned.slack.gone': 'That canned reply has been deleted. Please choose another one.',
  'canned.slack.not_in_thread':
    'Please use this shortcut on a message in an inquiry thread of the support channel.',
  'canned.slack.title': 'Send a canned reply',
  'canned.slack.submit': 'Send',
  'canned.slack.close': 'Cancel',
  'canned.slack.to': 'Sent as your reply to the customer of Inquiry ID:{id} ({customer}, {language}).',
  'canned.slack.pick': 'Canned reply',
  'canned.slack.none':
    'There are no canned replies yet. Add one by sending “canned-add <name> <text>” to the bot in a DM.',
} as const;
