/** English messages `apphome.*`: the Slack App Home tab (docs/domain.md §2.14). */
export const apphome = {
  'apphome.title': 'Home of {name}',
  'apphome.drawn': 'As of {time}. Open the tab again or press “Refresh” to update it.',
  'apphome.separator': ' · ',
  'apphome.refresh': 'Refresh',
  'apphome.mine.title': 'Inquiries assigned to you ({count})',
  'apphome.mine.none': 'No inquiries are assigned to you.',
  'apphome.mine.more': '{count} more. Send “inquiries in_progress” in a chat with the bot to list them.',
  'apphome.unassigned.title': 'Unassigned inquiries close to their target ({count})',
  'apphome.unassigned.none': 'No unassigned inquiry is close to its target.',
  'apphome.unassigned.more': '{count} more. Send “inquiries received” in a chat with the bot to list them.',
  'apphome.inquiry.no_target': 'No target',
  'apphome.inquiry.thread': 'Open the thread',
  'apphome.applications.title': 'Applications waiting for a decision ({count})',
  'apphome.applications.none': 'No application is waiting for a decision.',
  'apphome.applications.more':
    '{count} more. Send “applicants <job number>” in a chat with the bot to see a job’s applications.',
  'apphome.applications.since': 'Applied: {date}',
  'apphome.deliveries.title': 'Deliveries waiting for review ({count})',
  'apphome.deliveries.none': 'No delivery is waiting for review.',
  'apphome.deliveries.more':
    '{count} more. Send “review <application number>” in a chat with the bot to check a delivery.',
  'apphome.deliveries.since': 'Delivered: {date}',
  'apphome.disputes.title': 'Disputed invoice items ({count})',
  'apphome.disputes.none': 'No invoice item is disputed.',
  'apphome.disputes.more':
    '{count} more. Send “invoice #<worker number> <month>” in a chat with the bot to check them.',
  'apphome.disputes.yours': 'added by you',
  'apphome.chat_home':
    'What is waiting for you is on your home in the “Messages” tab. Press the button below or send “home”.',
  'apphome.open_home': 'Open my home',
  'apphome.unlinked.title': 'Welcome',
  'apphome.unlinked.body': 'This Slack account is not linked to a user of the bot yet.',
  'apphome.unlinked.link':
    'If you already use the bot in another app such as LINE, send “link” to the bot there to get a link code, then within 10 minutes send “link <code>” in this app’s “Messages” tab.',
  'apphome.unlinked.invite': 'If you have an invitation code, send “join <code>” in the “Messages” tab.',
  'apphome.unlinked.after': 'Once linked, open this tab again to see your home.',
} as const;
