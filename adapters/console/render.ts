/**
 * Reply → terminal text. Buttons and quick replies become numbered choices: typing the number sends
 * the button's payload back as an action event, as a tap would on a chat platform.
 */
import type { Block, Button, Reply } from '../../src/chat/types.ts';
import type { Locale } from '../../src/i18n/index.ts';

export interface RenderedReply {
  text: string;
  /** Payload for each number shown, 1-based: choices[0] is "[1]". */
  choices: string[];
}

export function renderReply(reply: Reply, locale: Locale): RenderedReply {
  const choices: string[] = [];
  const choice = (b: Button | { label: string; payload: string }) => {
    choices.push(b.payload);
    return `[${choices.length}] ${b.label}`;
  };
  const lines: string[] = [];
  for (const block of reply.blocks) {
    if (lines.length > 0) lines.push('');
    lines.push(...renderBlock(block, choice, locale));
  }
  if (reply.quickReplies && reply.quickReplies.length > 0) {
    lines.push(
      '',
      `${locale === 'ja' ? '候補' : 'Suggestions'}: ${reply.quickReplies.map(choice).join('  ')}`,
    );
  }
  return { text: lines.join('\n'), choices };
}

function renderBlock(block: Block, choice: (b: Button) => string, locale: Locale): string[] {
  switch (block.type) {
    case 'text':
      return [block.text];
    case 'card': {
      const out = [`■ ${block.title}`];
      if (block.subtitle) out.push(`  ${block.subtitle}`);
      if (block.body) out.push(...block.body.split('\n').map((l) => `  ${l}`));
      // A value of several lines keeps them under the label, indented as the first.
      for (const f of block.fields) out.push(`  ${f.label}: ${f.value.split('\n').join('\n    ')}`);
      if (block.buttons?.length) out.push(`  ${block.buttons.map(choice).join('  ')}`);
      return out;
    }
    case 'list': {
      const out = block.title ? [locale === 'ja' ? `【${block.title}】` : `${block.title}:`] : [];
      for (const item of block.items) {
        out.push(`・${item.title}${item.button ? `  ${choice(item.button)}` : ''}`);
        if (item.description) out.push(...item.description.split('\n').map((l) => `    ${l}`));
      }
      return out;
    }
    case 'buttons':
      return [block.buttons.map(choice).join('  ')];
    case 'file':
      // The console adapter writes the bytes under DATA_DIR/downloads and prints where.
      return [`📎 ${block.file.name} (${fileSize(block.file.size)})`];
  }
}

/** 1,234 B / 12.3 KB / 4.5 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('en')} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
