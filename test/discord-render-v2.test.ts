/**
 * Components V2 rendering of Discord replies (adapters/discord/render.ts states when, render-v2.ts how):
 * job cards and lists of people as containers with their buttons beside what they act on, split across
 * messages between items within 40 components and 4,000 characters, and classic rendering where the rule
 * says so. Every message is also checked by the fake Discord's V2 rules, as an interaction response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Container,
  componentCount,
  IS_COMPONENTS_V2,
  textSize,
  type V2Component,
} from '../adapters/discord/components.ts';
import { type DiscordMessage, renderDiscordMessages, type V2Message } from '../adapters/discord/render.ts';
import type { CardBlock, ListBlock, Reply } from '../src/chat/types.ts';
import { type FakeDiscord, startFakeDiscord } from './fakes/discord-api.ts';
import { discordSeen } from './helpers/discord.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ botToken: 'token', applicationId: '1100000000000000001' });
});
afterAll(async () => {
  await fake?.close();
});

const v2 = (messages: DiscordMessage[]): V2Message[] =>
  messages.map((m) => {
    if (m.flags === undefined) throw new Error('expected a Components V2 message');
    return m;
  });

/** Every message within the V2 limits, as the fake Discord sees it too (ephemeral interaction answers). */
function expectWithinV2Limits(messages: V2Message[]): void {
  for (const m of messages) {
    expect(m.flags).toBe(IS_COMPONENTS_V2);
    expect(m).not.toHaveProperty('content');
    expect(m).not.toHaveProperty('embeds');
    expect(m.components.reduce((n, c) => n + componentCount(c), 0)).toBeLessThanOrEqual(40);
    expect(m.components.reduce((n, c) => n + textSize(c), 0)).toBeLessThanOrEqual(4000);
    expect(fake.checkInteractionResponse({ type: 4, data: { ...m, flags: m.flags | 64 } })).toEqual([]);
  }
}

const jobCard = (buttons: CardBlock['buttons']): CardBlock => ({
  type: 'card',
  title: '#12 データ入力',
  subtitle: '事務',
  body: '顧客名簿の入力作業です。',
  fields: [
    { label: '報酬', value: '9,000円' },
    { label: '締切', value: '2026-12-24' },
  ],
  ...(buttons ? { buttons } : {}),
});

describe('Components V2 rendering', () => {
  it('renders a job card with its one button beside the title, fields under a separator', () => {
    const reply: Reply = {
      blocks: [
        { type: 'text', text: '新着の募集案件です。' },
        jobCard([{ label: '応募する', payload: 'apply 12', style: 'primary' }]),
      ],
    };
    const messages = v2(renderDiscordMessages(reply));
    expect(messages).toHaveLength(1);
    expectWithinV2Limits(messages);
    const [intro, card] = messages[0]?.components ?? [];
    expect(intro).toEqual({ type: 10, content: '新着の募集案件です。' });
    expect(card).toEqual({
      type: 17,
      accent_color: 0x5865f2,
      components: [
        {
          type: 9,
          components: [{ type: 10, content: '### #12 データ入力\n事務' }],
          accessory: { type: 2, style: 1, label: '応募する', custom_id: 'apply 12' },
        },
        { type: 14, divider: true, spacing: 1 },
        { type: 10, content: '顧客名簿の入力作業です。\n\n**報酬**: 9,000円\n**締切**: 2026-12-24' },
      ],
    });
    // What a reader sees, as the test helper reads it.
    const seen = discordSeen(messages as unknown as Record<string, unknown>[]);
    expect(seen.text).toContain('#12 データ入力');
    expect(seen.text).toContain('報酬: 9,000円');
    expect(seen.buttons).toEqual([{ label: '応募する', custom_id: 'apply 12' }]);
  });

  it('puts several buttons of a card in a row at its foot, inside its container', () => {
    const messages = v2(
      renderDiscordMessages({
        blocks: [
          jobCard([
            { label: '応募する', payload: 'apply 12', style: 'primary' },
            { label: '保存', payload: 'save 12' },
          ]),
        ],
        quickReplies: [{ label: 'ホーム', payload: 'home' }],
      }),
    );
    expectWithinV2Limits(messages);
    const [card, quick] = messages[0]?.components ?? [];
    expect((card as Container).components.at(-1)).toEqual({
      type: 1,
      components: [
        { type: 2, style: 1, label: '応募する', custom_id: 'apply 12' },
        { type: 2, style: 2, label: '保存', custom_id: 'save 12' },
      ],
    });
    expect(quick).toEqual({
      type: 1,
      components: [{ type: 2, style: 2, label: 'ホーム', custom_id: 'home' }],
    });
  });

  it('splits a list of 30 people with buttons between people, each message ≤ 40 components', () => {
    const list: ListBlock = {
      type: 'list',
      title: 'フォロワー',
      items: Array.from({ length: 30 }, (_, i) => ({
        title: `ファン${i}さん(#${100 + i})`,
        description: `翻訳・校正 / 東京都`,
        button: { label: 'メッセージ', payload: `message #${100 + i}` },
      })),
    };
    const messages = v2(renderDiscordMessages({ blocks: [list] }));
    expect(messages.length).toBe(3);
    expectWithinV2Limits(messages);
    // Each message holds one container: the list's title (numbered when continued), then a section per person.
    const titles = messages.map((m) => {
      const [container] = m.components as Container[];
      return container?.components[0];
    });
    expect(titles).toEqual([
      { type: 10, content: '### フォロワー' },
      { type: 10, content: '### フォロワー (2)' },
      { type: 10, content: '### フォロワー (3)' },
    ]);
    const sections = messages.flatMap((m) => (m.components[0] as Container).components.slice(1));
    expect(sections).toHaveLength(30);
    sections.forEach((s, i) => {
      expect(s).toEqual({
        type: 9,
        components: [{ type: 10, content: `**ファン${i}さん(#${100 + i})**\n翻訳・校正 / 東京都` }],
        accessory: { type: 2, style: 2, label: 'メッセージ', custom_id: `message #${100 + i}` },
      });
    });
  });

  it('gathers list items without buttons into text, and gives the ones with a button a section', () => {
    const messages = v2(
      renderDiscordMessages({
        blocks: [
          {
            type: 'list',
            items: [
              { title: 'A', description: 'a' },
              { title: 'B' },
              { title: 'C', button: { label: '開く', payload: 'open c' } },
              { title: 'D' },
            ],
          },
        ],
      }),
    );
    expectWithinV2Limits(messages);
    expect((messages[0]?.components[0] as Container | undefined)?.components).toEqual([
      { type: 10, content: '**A**\na\n**B**' },
      {
        type: 9,
        components: [{ type: 10, content: '**C**' }],
        accessory: expect.objectContaining({ custom_id: 'open c' }),
      },
      { type: 10, content: '**D**' },
    ]);
  });

  it('splits long text into text displays, ≤ 4,000 characters a message, losing nothing', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `第${i}段落。${'説明の文章です。'.repeat(30)}`);
    const long = paragraphs.join('\n\n');
    expect(long.length).toBeGreaterThan(9000);
    const messages = v2(
      renderDiscordMessages({
        blocks: [{ type: 'text', text: long }, jobCard([{ label: '応募する', payload: 'apply 12' }])],
      }),
    );
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expectWithinV2Limits(messages);
    const displays = messages
      .flatMap((m) => m.components)
      .filter((c): c is V2Component & { type: 10 } => c.type === 10);
    for (const d of displays) expect(d.content.length).toBeLessThanOrEqual(2000);
    expect(displays.map((d) => d.content).join('\n\n')).toBe(long);
    // The card comes after the text, whole, in the last message.
    expect(messages.at(-1)?.components.at(-1)).toMatchObject({ type: 17 });
  });

  it('keeps the same long reply the classic test uses within the V2 limits, every button once', () => {
    const reply: Reply = {
      blocks: [
        { type: 'text', text: '長い文章です。'.repeat(700) },
        ...Array.from({ length: 14 }, (_, i) => ({
          type: 'card' as const,
          title: `カード ${i}`,
          body: '説明'.repeat(300),
          fields: Array.from({ length: 30 }, (_, j) => ({ label: `項目${j}`, value: '値'.repeat(20) })),
          buttons: [{ label: `ボタン ${i}`, payload: `b ${i}` }],
        })),
      ],
      quickReplies: Array.from({ length: 20 }, (_, i) => ({ label: `候補${i}`, payload: `q ${i}` })),
    };
    const messages = v2(renderDiscordMessages(reply));
    expectWithinV2Limits(messages);
    const ids = discordSeen(messages as unknown as Record<string, unknown>[]).payloads;
    expect(ids).toHaveLength(14 + 20);
    expect(new Set(ids).size).toBe(14 + 20);
  });

  it('uses a payload once in a reply, so custom_id stays unique in every message', () => {
    const messages = v2(
      renderDiscordMessages({
        blocks: [
          jobCard([{ label: '応募する', payload: 'apply 12' }]),
          jobCard([{ label: '応募する', payload: 'apply 12' }]),
        ],
        quickReplies: [{ label: '応募する', payload: 'apply 12' }],
      }),
    );
    expectWithinV2Limits(messages);
    expect(discordSeen(messages as unknown as Record<string, unknown>[]).payloads).toEqual(['apply 12']);
  });
});

describe('classic rendering where the rule says so', () => {
  it('without buttons that belong to an item: text, cards without buttons, quick replies', () => {
    const messages = renderDiscordMessages({
      blocks: [
        { type: 'text', text: 'こんにちは' },
        jobCard(undefined),
        { type: 'list', items: [{ title: 'A' }] },
      ],
      quickReplies: [{ label: 'ホーム', payload: 'home' }],
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.flags).toBeUndefined();
    expect(messages[0]).toMatchObject({ content: 'こんにちは', embeds: [{ title: '#12 データ入力' }, {}] });
    expect(messages[0]?.components).toEqual([
      { type: 1, components: [{ type: 2, style: 2, label: 'ホーム', custom_id: 'home' }] },
    ]);
  });

  it('when a card is too large for one V2 message (an embed holds it whole)', () => {
    const body = '長い説明。'.repeat(810);
    const big = { ...jobCard([{ label: '応募する', payload: 'apply 12' }]), body };
    const messages = renderDiscordMessages({ blocks: [big] });
    expect(messages.every((m) => m.flags === undefined)).toBe(true);
    expect(messages[0]?.embeds?.[0]?.description).toBe(`事務\n${body}`);
    expect(discordSeen(messages as unknown as Record<string, unknown>[]).payloads).toEqual(['apply 12']);
  });

  it('when turned off (DISCORD_COMPONENTS_V2=off)', () => {
    const reply: Reply = { blocks: [jobCard([{ label: '応募する', payload: 'apply 12' }])] };
    const messages = renderDiscordMessages(reply, { componentsV2: false });
    expect(messages.every((m) => m.flags === undefined)).toBe(true);
    expect(messages[0]).toMatchObject({ embeds: [{ title: '#12 データ入力' }] });
  });
});
