/** Rendering a Reply as LINE messages: limits kept by splitting, never by dropping content. */
import { describe, expect, it } from 'vitest';
import {
  clip,
  type FlexMessage,
  MAX_BUBBLE_BYTES,
  MAX_CAROUSEL_BYTES,
  MAX_LABEL,
  perCall,
  renderLineMessages,
  splitText,
} from '../adapters/line/render.ts';
import type { Reply } from '../src/chat/types.ts';
import { seenIn } from './helpers/line.ts';

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

describe('LINE text', () => {
  it('keeps short Japanese text in one message, unchanged', () => {
    const messages = renderLineMessages({
      blocks: [
        { type: 'text', text: '応募 #12 を受け付けました。' },
        { type: 'text', text: '結果はこのトークでお知らせします。' },
      ],
    });
    expect(messages).toEqual([
      { type: 'text', text: '応募 #12 を受け付けました。\n\n結果はこのトークでお知らせします。' },
    ]);
  });

  it('splits text over 5,000 characters at paragraph or sentence ends, losing nothing', () => {
    const paragraph = `${'業務ポータルのお知らせです。'.repeat(40)}\n\n`;
    const text = paragraph.repeat(20).trim();
    const pieces = splitText(text, 5000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(5000);
      expect(p.endsWith('。')).toBe(true);
    }
    expect(pieces.join('').replaceAll('\n', '')).toBe(text.replaceAll('\n', ''));
  });

  it('never cuts an emoji (surrogate pair) in half', () => {
    const pieces = splitText('😀'.repeat(3000), 5000);
    for (const p of pieces) expect(p).not.toMatch(/[\ud800-\udbff]$/);
    expect(pieces.join('')).toBe('😀'.repeat(3000));
  });

  it('clips labels to 20 characters with an ellipsis', () => {
    expect(clip('とても長いボタンのラベルです、本当に長いです', MAX_LABEL)).toHaveLength(MAX_LABEL);
    expect(clip('短い', MAX_LABEL)).toBe('短い');
  });
});

describe('LINE Flex', () => {
  it('renders a card as a bubble with wrapped fields and postback buttons showing their label', () => {
    const [message] = renderLineMessages({
      blocks: [
        {
          type: 'card',
          title: '#3 アンケート入力',
          subtitle: '募集中',
          fields: [{ label: '報酬', value: '12,000円' }],
          buttons: [{ label: '応募する', payload: 'a:XYZ1234567', style: 'primary' }],
        },
      ],
    }) as FlexMessage[];
    expect(message?.type).toBe('flex');
    expect(message?.altText).toContain('#3 アンケート入力');
    const seen = seenIn([message]);
    expect(seen.text).toContain('報酬');
    expect(seen.text).toContain('12,000円');
    expect(seen.buttons).toEqual([{ label: '応募する', data: 'a:XYZ1234567' }]);
    expect(JSON.stringify(message)).toContain('"displayText":"応募する"');
    expect(JSON.stringify(message)).toContain('"wrap":true');
  });

  it('pages a long list into bubbles and carousels within 12 bubbles and 50 KB', () => {
    const reply: Reply = {
      blocks: [
        {
          type: 'list',
          title: '募集案件',
          items: Array.from({ length: 150 }, (_, i) => ({
            title: `案件 ${i + 1}`,
            description: '説明文'.repeat(40),
            button: { label: '詳細', payload: `job ${i + 1}` },
          })),
        },
      ],
    };
    const messages = renderLineMessages(reply) as FlexMessage[];
    let bubbles = 0;
    for (const m of messages) {
      const c = m.contents as { type: string; contents?: unknown[] };
      if (c.type === 'carousel') {
        expect(c.contents?.length).toBeLessThanOrEqual(12);
        expect(bytes(c)).toBeLessThanOrEqual(MAX_CAROUSEL_BYTES);
        for (const b of c.contents ?? []) expect(bytes(b)).toBeLessThanOrEqual(MAX_BUBBLE_BYTES);
        bubbles += c.contents?.length ?? 0;
      } else bubbles += 1;
    }
    expect(bubbles).toBe(Math.ceil(150 / 8));
    const seen = seenIn(messages);
    expect(seen.payloads).toHaveLength(150);
    expect(seen.text).toContain('募集案件 (19/19)');
    // Sent five messages per call.
    for (const call of perCall(messages)) expect(call.length).toBeLessThanOrEqual(5);
  });

  it('shrinks a pathological bubble under 30 KB instead of breaking the limit', () => {
    const [message] = renderLineMessages({
      blocks: [
        {
          type: 'card',
          title: '巨大なカード',
          fields: Array.from({ length: 40 }, (_, i) => ({ label: `項目${i}`, value: 'あ'.repeat(1500) })),
        },
      ],
    }) as FlexMessage[];
    expect(bytes(message?.contents)).toBeLessThanOrEqual(MAX_BUBBLE_BYTES);
  });
});

describe('LINE quick replies', () => {
  it('puts up to 13 quick replies on the last message only', () => {
    const messages = renderLineMessages({
      blocks: [
        { type: 'text', text: 'どちらにしますか?' },
        { type: 'card', title: 'カード', fields: [] },
      ],
      quickReplies: [
        { label: 'はい', payload: 'yes' },
        { label: 'キャンセル', payload: 'cancel' },
      ],
    });
    expect(messages).toHaveLength(2);
    expect(messages[0]?.quickReply).toBeUndefined();
    const actions = messages[1]?.quickReply?.items?.map((i) => i.action);
    expect(actions?.map((a) => (a?.type === 'postback' ? a.data : undefined))).toEqual(['yes', 'cancel']);
  });

  it('shows quick replies beyond 13 as buttons so every choice stays reachable', () => {
    const messages = renderLineMessages({
      blocks: [{ type: 'text', text: '都道府県を選んでください。' }],
      quickReplies: Array.from({ length: 47 }, (_, i) => ({ label: `県${i + 1}`, payload: `pref ${i + 1}` })),
    });
    const last = messages.at(-1);
    expect(last?.quickReply?.items).toHaveLength(13);
    expect(seenIn(messages).payloads.sort()).toEqual(
      Array.from({ length: 47 }, (_, i) => `pref ${i + 1}`).sort(),
    );
  });

  it('sends quick replies alone with a short text (LINE needs a message to carry them)', () => {
    const messages = renderLineMessages(
      { blocks: [], quickReplies: [{ label: 'ヘルプ', payload: 'help' }] },
      '…',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'text', text: '…' });
  });
});

describe('LINE files', () => {
  const key = 'a'.repeat(64);
  const link = 'https://bot.example.test/files/abc.def';
  const reply = (mime: string, size: number, url?: string): Reply => ({
    blocks: [
      { type: 'text', text: '作業ファイルです' },
      { type: 'file', file: { storageKey: key, name: '名刺.jpg', mime, size }, ...(url ? { url } : {}) },
    ],
    quickReplies: [{ label: 'ヘルプ', payload: 'help' }],
  });

  it('sends a small JPEG or PNG as an image message over its HTTPS link', () => {
    const [, image] = renderLineMessages(reply('image/jpeg', 200_000, link), '…', 'ja');
    expect(image).toMatchObject({ type: 'image', originalContentUrl: link, previewImageUrl: link });
    // Quick replies stay on the last message.
    expect(image?.quickReply?.items).toHaveLength(1);
  });

  it('sends any other file, or an image over 1 MB, as a card with a download button', () => {
    for (const [mime, size] of [
      ['application/pdf', 20_000],
      ['image/jpeg', 3_000_000],
    ] as const) {
      const [, card] = renderLineMessages(reply(mime, size, link), '…', 'en');
      expect(card?.type).toBe('flex');
      expect(JSON.stringify(card)).toContain(`"uri":"${link}"`);
      expect(JSON.stringify(card)).toContain('Download');
    }
  });

  it('says the file cannot be handed over on LINE without an HTTPS link', () => {
    for (const url of [undefined, 'http://127.0.0.1:3000/files/abc.def']) {
      const messages = renderLineMessages(reply('application/pdf', 20_000, url), '…', 'ja');
      expect(messages.map((m) => m.type)).toEqual(['text', 'text']);
      expect(JSON.stringify(messages[1])).toContain('名刺.jpg はLINEではお渡しできません');
    }
  });
});
