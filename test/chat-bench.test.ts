import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBench, openChatBench } from './helpers/chat.ts';

let c: ChatBench;
beforeAll(async () => {
  c = await openChatBench('chatbench');
});
afterAll(() => c?.close());

describe('chat bench', () => {
  it('talks as a seeded person and presses a numbered choice by its label', async () => {
    const worker = await c.as('hanako', ['worker']);
    expect(await worker.say('ヘルプ')).toContain('ご利用いただけるコマンド');
    expect(worker.choices()).toContain('言語');
    expect(await worker.tap('言語')).toContain('lang ja');
  });
});
