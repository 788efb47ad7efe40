/** English messages `desk.*`: the support desk in Slack: cards, threads, relayed replies. */
export const desk = {
  'desk.card.title': 'Inquiry ID:{id}',
  'desk.card.store': 'Store',
  'desk.card.customer': 'Customer',
  'desk.card.status': 'Status',
  'desk.card.assignee': 'Assignee',
  'desk.card.unassigned': 'unassigned',
  'desk.card.created': 'Received',
  'desk.card.no_store': '(no store)',
  'desk.card.take': 'Take',
  'desk.card.resolve': 'Resolve',
  'desk.card.hint':
    'Replies in this thread are sent to the customer. A reply starting with "//" stays in Slack as an internal note. React 👀 to take, ✅ to resolve.',
  'desk.message.customer': '{name} (customer)',
  'desk.message.staff': '{name} (staff)',
  'desk.message.files': '{count} attachment(s)',
  'desk.relay.sent': '✅ Delivered to the customer on {platform}.',
  'desk.relay.failed': '⚠️ Could not reach the customer ({reason}). Please check their contact details.',
  'desk.relay.note': '🔒 Kept as an internal note (not sent to the customer).',
  'desk.relay.not_staff':
    'This reply was not sent to the customer: your Slack account is not registered as staff. Send "join <invitation code>" or "link" to the bot in a DM.',
  'desk.platform.line': 'LINE',
  'desk.platform.slack': 'Slack',
  'desk.platform.discord': 'Discord',
  'desk.platform.console': 'the console',
} as const;
