/**
 * Lists a page at a time, for every portal: the page size, and the previous/next buttons under a
 * page with the line that says where the reader is (`7件中 1〜5件目` in the marketplace, `1/2ページ`
 * in the work portal, none at the support desk). Each portal keeps its own button labels.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type Block, type Button, text } from '../../src/chat/types.ts';

/** Rows per page: small enough for a phone screen, and never more than 5 buttons in a block. */
export const PAGE_SIZE = 5;

export interface PageNav {
  /** The page shown, 1-based. */
  page: number;
  /** How many rows the whole list has (a lower bound when `totalIsAtLeast`). */
  total: number;
  /** The command that shows page `page`. */
  commandFor: (page: number) => string;
  /** Whose button labels (`market.button.next`, …) and heading the navigation uses. */
  portal: 'market' | 'work' | 'support';
  /** Rows per page; PAGE_SIZE unless the list says otherwise. */
  size?: number;
  /** Rows on this page, for the marketplace's `a〜b件目`; a full page when not given. */
  shown?: number;
  /** The total is a lower bound (a search that stopped counting): `1〜5件目` without `n件中`. */
  totalIsAtLeast?: boolean;
}

/** The previous and next buttons for a page of a list: none when everything fits on one page. */
export async function pageButtons(ctx: CommandContext, nav: PageNav): Promise<Button[]> {
  const { page, total, commandFor, portal } = nav;
  const size = nav.size ?? PAGE_SIZE;
  const buttons: Button[] = [];
  if (page > 1) buttons.push(await ctx.button(ctx.t(`${portal}.button.prev`), commandFor(page - 1)));
  if (page * size < total)
    buttons.push(await ctx.button(ctx.t(`${portal}.button.next`), commandFor(page + 1), 'primary'));
  return buttons;
}

/** Where the reader is in the list, in the portal's words (the support desk has no such line). */
function heading(ctx: CommandContext, nav: PageNav): string | undefined {
  const { page, total } = nav;
  const size = nav.size ?? PAGE_SIZE;
  if (nav.portal === 'work') return ctx.t('work.page', { page, pages: Math.ceil(total / size) });
  if (nav.portal === 'market') {
    const from = (page - 1) * size + 1;
    const to = from + (nav.shown ?? size) - 1;
    return nav.totalIsAtLeast
      ? ctx.t('market.page_open', { from, to })
      : ctx.t('market.page', { total, from: Math.min(from, total), to });
  }
  return undefined;
}

/** The heading and the previous/next buttons under a page, or nothing when it is the only page. */
export async function pageNav(ctx: CommandContext, nav: PageNav): Promise<Block[]> {
  const buttons = await pageButtons(ctx, nav);
  if (buttons.length === 0) return [];
  const line = heading(ctx, nav);
  return [...(line === undefined ? [] : [text(line)]), { type: 'buttons', buttons }];
}
