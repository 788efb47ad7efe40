/**
 * The shapes of the Discord messages the renderers produce (render.ts, render-v2.ts), and what both
 * kinds share: buttons. Component types and fields from the Component Reference,
 * https://discord.com/developers/docs/components/reference, and the API spec (github.com/discord/
 * discord-api-spec, `TextDisplayComponentForMessageRequest`, `SectionComponentForMessageRequest`,
 * `ContainerComponentForMessageRequest`); `discord-api-types` names them `ComponentType` and
 * `MessageFlags.IsComponentsV2`.
 */
import type { Button, QuickReply } from '../../src/chat/types.ts';
import { clip } from '../shared/text.ts';

export const MAX_BUTTONS_PER_ROW = 5;
export const MAX_LABEL = 80;
export const MAX_CUSTOM_ID = 100;
/** The accent of embeds and containers (Discord blurple). */
export const COLOR = 0x5865f2;

/**
 * Message flag 1 << 15: the message is laid out with components only. Its `content` and `embeds`
 * "will no longer work", it holds "up to 40 total components" (nested ones count), and "once a
 * message has been sent with this flag, it can't be removed from that message" (Component Reference).
 */
export const IS_COMPONENTS_V2 = 1 << 15;
export const MAX_V2_COMPONENTS = 40;
/**
 * Characters of text in one V2 message: a Text Display holds 1–4,000 (API spec) and the text displays
 * of a message "may total up to 4000 characters" (github.com/discord/discord-api-docs/pull/8562).
 * The renderer counts button labels in too, so it stays inside whichever way Discord counts.
 */
export const MAX_V2_TEXT = 4000;

export interface Embed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
}
export interface ButtonComponent {
  type: 2;
  style: 1 | 2 | 4;
  label: string;
  custom_id: string;
}
/** Up to 5 buttons (Action Row). */
export interface ActionRow {
  type: 1;
  components: ButtonComponent[];
}
/** Markdown text (V2 only). */
export interface TextDisplay {
  type: 10;
  content: string;
}
/** Vertical space, with a line unless `divider: false` (V2 only). */
export interface Separator {
  type: 14;
  divider?: boolean;
  spacing?: 1 | 2;
}
/** One to three text displays with an accessory beside them, here a button (V2 only). */
export interface Section {
  type: 9;
  components: TextDisplay[];
  accessory: ButtonComponent;
}
export type ContainerChild = ActionRow | TextDisplay | Separator | Section;
/** A framed group with an accent bar, like an embed (V2 only). */
export interface Container {
  type: 17;
  accent_color?: number;
  components: ContainerChild[];
}
export type V2Component = ContainerChild | Container;

/** Content (≤ 2,000), embeds and ≤ 5 action rows. */
export interface ClassicMessage {
  content?: string;
  embeds?: Embed[];
  components?: ActionRow[];
  flags?: undefined;
}
/** Components only; `flags` holds IS_COMPONENTS_V2. */
export interface V2Message {
  flags: number;
  components: V2Component[];
  content?: undefined;
  embeds?: undefined;
}
/** One message to send; the caller adds its own flags with `|` (EPHEMERAL), never replacing these. */
export type DiscordMessage = ClassicMessage | V2Message;

export function toButton(b: Button | QuickReply): ButtonComponent {
  const style = 'style' in b && b.style === 'primary' ? 1 : 'style' in b && b.style === 'danger' ? 4 : 2;
  if (b.payload.length > MAX_CUSTOM_ID) throw new Error(`button payload over ${MAX_CUSTOM_ID} characters`);
  return { type: 2, style, label: clip(b.label, MAX_LABEL), custom_id: b.payload };
}

/** Buttons in action rows of ≤ 5. */
export function rows(buttons: ButtonComponent[]): ActionRow[] {
  const out: ActionRow[] = [];
  for (let i = 0; i < buttons.length; i += MAX_BUTTONS_PER_ROW)
    out.push({ type: 1, components: buttons.slice(i, i + MAX_BUTTONS_PER_ROW) });
  return out;
}

type AnyComponent = V2Component | ButtonComponent;
const children = (c: AnyComponent): AnyComponent[] =>
  c.type === 9 ? [...c.components, c.accessory] : c.type === 1 || c.type === 17 ? c.components : [];

/** How many components `c` counts for toward the 40 of a V2 message: itself and every nested one. */
export function componentCount(c: AnyComponent): number {
  return 1 + children(c).reduce((n, k) => n + componentCount(k), 0);
}

/** Characters of text in `c`: its text displays and button labels (UTF-16 units, never fewer than Discord counts). */
export function textSize(c: AnyComponent): number {
  const own = c.type === 10 ? c.content.length : c.type === 2 ? c.label.length : 0;
  return own + children(c).reduce((n, k) => n + textSize(k), 0);
}
