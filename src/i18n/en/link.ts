/** English messages `link.*`: linking a platform account (連携). */
export const link = {
  'link.code_issued':
    'Your link code is {code}. Within 10 minutes, send “link {code}” to this bot from the app you want to link.',
  'link.invalid_code': '[E101] That link code is wrong or has expired (10 minutes). Please issue a new code.',
  'link.locked': '[E102] Linking from this account is locked after 5 wrong codes. Please contact support.',
  'link.already_linked': '[E103] This account is already linked to another user.',
  'link.same_user': 'This account is already linked to you.',
  'link.linked': 'Linked. You can now also use the bot on {platform}.',
  'link.last_identity': '[E104] You cannot unlink your last remaining account.',
  'link.unlinked': 'Unlinked {platform}.',
} as const;
