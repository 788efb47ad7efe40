/**
 * The ChatEvent an interaction stands for (a command's text, a button's payload, a modal's submission):
 * Discord user ids are global, so a person is one identity whatever the server; their Discord language
 * is the hint for a newcomer's.
 */
import type { APIInteraction, APIPingInteraction } from 'discord-api-types/v10';
import type { ChatAttachment, ChatEvent, RejectedFile } from '../../src/chat/types.ts';

type Interaction = Exclude<APIInteraction, APIPingInteraction>;

export function userOf(i: Interaction): { id: string; locale?: string } {
  const user = i.member?.user ?? i.user;
  return { id: String(user?.id ?? ''), ...(typeof i.locale === 'string' ? { locale: i.locale } : {}) };
}

export function eventOf(
  i: Interaction,
  receivedAt: Date,
  input:
    | { kind: 'message'; text: string; attachments?: ChatAttachment[]; rejectedFiles?: RejectedFile[] }
    | { kind: 'action'; payload: string },
): ChatEvent {
  const user = userOf(i);
  const hint = user.locale?.startsWith('ja') ? 'ja' : user.locale?.startsWith('en') ? 'en' : undefined;
  const name = i.member?.user?.global_name ?? i.user?.global_name;
  return {
    ...input,
    id: String(i.id),
    platform: 'discord',
    sender: {
      workspace: '',
      externalId: user.id,
      ...(name ? { displayName: String(name) } : {}),
      ...(hint ? { localeHint: hint } : {}),
    },
    conversation: {
      kind: i.guild_id ? 'group' : 'direct',
      id: String(i.channel_id ?? i.channel?.id ?? ''),
    },
    receivedAt,
  } as ChatEvent;
}
