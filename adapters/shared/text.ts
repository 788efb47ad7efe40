/** Text helpers every renderer needs to keep within a platform's character limits without losing words. */

/** Cuts to at most `max` characters (whole code points), marking the cut with "…". */
export function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Splits text into pieces of ≤ `max` UTF-16 units (platforms count characters; UTF-16 length is
 * never smaller), preferring paragraph, then line breaks, then the end of a Japanese sentence, so
 * text is never cut mid-sentence when a break is near, and never inside a surrogate pair.
 */
export function splitText(value: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = value;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf('。', max - 1) + 1;
    if (cut < max / 2) cut = max;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n+/, '');
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}
