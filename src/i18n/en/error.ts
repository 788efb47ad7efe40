/** English messages `error.*`: errors any command may answer. */
export const error = {
  'error.button_expired': 'This button has expired. Please send the command again.',
  'error.bad_id': 'Could not read “{input}” as a number. Type it like “#12” or “12”.',
  'error.bad_amount': 'Could not read “{input}” as an amount. Type it like “12000” or “12,000円”.',
  'error.bad_date': 'Could not read “{input}” as a date. Type it like “2026-12-10” or “12/10”.',
  'error.unknown_command': 'There is no command “{input}”.',
  'error.did_you_mean': 'Did you mean: {suggestions}',
  'error.see_help': 'Send “help” to see the commands you can use.',
  'error.not_allowed': 'You are not allowed to run this command.',
  'error.invitation_only':
    'This service is by invitation only. Ask your contact for an invitation code and send “join <code>”.',
  'error.internal':
    'Sorry, something went wrong on our side. Please try again later. If you contact us, quote reference {ref}.',
  'error.empty_message': 'Your message was empty. Send “help” to see the commands you can use.',
} as const;
