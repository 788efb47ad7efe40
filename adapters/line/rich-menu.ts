/**
 * The default rich menu: the home view (what needs the person's attention now, per role) first, then
 * the four things a worker does most, one tap each. Each area sends a
 * postback whose data is the command it runs, so it works in either language and needs no text.
 * Created by `npm run cli -- line:rich-menu`; rich-menu create/delete is limited to 100 per hour
 * (docs/platforms.md §1.8), so this runs once per deployment, not at start-up. Re-running replaces the menu.
 */
import { readFile } from 'node:fs/promises';
import type { LineClient } from './client.ts';

export const RICH_MENU_NAME = 'backoffice-default';
export const RICH_MENU_IMAGE = new URL('./assets/rich-menu.png', import.meta.url);

/** Left to right, as drawn on assets/rich-menu.png (2500×843, five 500-pixel columns). */
export const RICH_MENU_AREAS = [
  { label: 'ホーム', command: 'home' },
  { label: '求人', command: 'jobs' },
  { label: '応募状況', command: 'applications' },
  { label: '問い合わせ', command: 'inquiry-new' },
  { label: 'ヘルプ', command: 'help' },
] as const;

export function richMenuDefinition() {
  const width = 2500;
  const height = 843;
  const column = width / RICH_MENU_AREAS.length;
  return {
    size: { width, height },
    selected: true,
    name: RICH_MENU_NAME,
    // Shown on the bar that opens the menu; ≤ 14 characters.
    chatBarText: 'メニュー / Menu',
    areas: RICH_MENU_AREAS.map((a, i) => ({
      bounds: { x: i * column, y: 0, width: column, height },
      action: { type: 'postback' as const, label: a.label, data: a.command },
    })),
  };
}

/** Creates the menu, uploads its image, makes it the default, then removes older copies of it. */
export async function installRichMenu(
  client: LineClient,
  image?: Buffer,
): Promise<{ richMenuId: string; removed: string[] }> {
  const previous = (await client.richMenus()).filter((m) => m.name === RICH_MENU_NAME);
  const richMenuId = await client.createRichMenu(richMenuDefinition());
  await client.setRichMenuImage(richMenuId, image ?? (await readFile(RICH_MENU_IMAGE)), 'image/png');
  await client.setDefaultRichMenu(richMenuId);
  const removed: string[] = [];
  for (const old of previous) {
    await client.deleteRichMenu(old.richMenuId);
    removed.push(old.richMenuId);
  }
  return { richMenuId, removed };
}
