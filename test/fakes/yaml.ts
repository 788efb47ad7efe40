/**
 * A small YAML reader for the OpenAPI descriptions the fakes validate against (LINE's messaging-api.yml,
 * https://github.com/line/line-openapi): block mappings and sequences, plain, quoted and block (`|`, `>`)
 * scalars, plain scalars over several lines, comments, and simple flow collections (`[]`, `[a, b]`, `{}`).
 * Scalars resolve as in YAML 1.2's core schema (null, booleans, numbers, else strings). Anchors, aliases,
 * tags, complex keys and multi-document streams are not supported: they throw, so a spec that starts using
 * them fails loudly instead of being read wrong.
 */

interface Line {
  /** Column of the first non-space character. */
  indent: number;
  /** The line without its indentation. */
  text: string;
  /** 1-based, for error messages. */
  no: number;
}

class YamlError extends Error {
  constructor(message: string, line?: Line) {
    super(line ? `YAML line ${line.no}: ${message}` : `YAML: ${message}`);
  }
}

const isBlank = (text: string): boolean => text === '' || text.startsWith('#');

/** Resolves a plain scalar (YAML 1.2 core schema). */
function plainScalar(s: string): unknown {
  if (s === '' || s === '~' || /^(null|Null|NULL)$/.test(s)) return null;
  if (/^(true|True|TRUE)$/.test(s)) return true;
  if (/^(false|False|FALSE)$/.test(s)) return false;
  if (/^[-+]?[0-9]+$/.test(s)) return Number.parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.slice(2), 16);
  if (/^0o[0-7]+$/.test(s)) return Number.parseInt(s.slice(2), 8);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return Number.parseFloat(s);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(s)) return Number.NaN;
  if (/^[&*!]/.test(s)) throw new YamlError(`anchors, aliases and tags are not supported: ${s}`);
  return s;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** A double-quoted scalar starting at s[0]; returns the value and the index after the closing quote. */
function doubleQuoted(s: string): { value: string; end: number } {
  let out = '';
  let i = 1;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (c === '"') return { value: out, end: i + 1 };
    if (c === '\\') {
      const e = s[i + 1] ?? '';
      const hex = { x: 2, u: 4, U: 8 }[e];
      if (hex !== undefined) {
        out += String.fromCodePoint(Number.parseInt(s.slice(i + 2, i + 2 + hex), 16));
        i += 2 + hex;
        continue;
      }
      if (e === '\n') {
        // An escaped line break joins the lines without a space.
        i += 2;
        while (s[i] === ' ') i++;
        continue;
      }
      const mapped = ESCAPES[e];
      if (mapped === undefined) throw new YamlError(`unknown escape \\${e}`);
      out += mapped;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  throw new YamlError('unterminated double-quoted string');
}

/** A single-quoted scalar starting at s[0] ('' is a quote). */
function singleQuoted(s: string): { value: string; end: number } {
  let out = '';
  let i = 1;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (c === "'") {
      if (s[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return { value: out, end: i + 1 };
    }
    out += c;
    i++;
  }
  throw new YamlError('unterminated single-quoted string');
}

/** Folds the line breaks of a multi-line flow scalar: one break is a space, n breaks are n-1 newlines. */
function foldFlow(raw: string): string {
  return raw.replace(/[ \t]*\n[ \t]*((?:\n[ \t]*)*)/g, (_m, more: string) =>
    more === '' ? ' ' : '\n'.repeat(more.split('\n').length - 1),
  );
}

/** Strips a trailing ` # comment` from a plain scalar. */
const stripComment = (s: string): string => s.replace(/\s+#.*$/, '').trimEnd();

/** A flow collection or scalar (`[a, "b"]`, `{k: v}`, `"x"`, `plain`) within one text. */
function flowValue(s: string, pos: { i: number }, inFlow: boolean): unknown {
  const skip = (): void => {
    while (pos.i < s.length && /\s/.test(s[pos.i] ?? '')) pos.i++;
  };
  skip();
  const c = s[pos.i];
  if (c === '[' || c === '{') {
    const close = c === '[' ? ']' : '}';
    pos.i++;
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    for (;;) {
      skip();
      if (s[pos.i] === close) {
        pos.i++;
        return c === '[' ? list : map;
      }
      const item = flowValue(s, pos, true);
      skip();
      if (c === '{') {
        if (s[pos.i] !== ':') throw new YamlError(`expected ":" in flow mapping: ${s}`);
        pos.i++;
        map[String(item)] = flowValue(s, pos, true);
        skip();
      } else list.push(item);
      if (s[pos.i] === ',') pos.i++;
      else if (s[pos.i] !== close) throw new YamlError(`unterminated flow collection: ${s}`);
    }
  }
  if (c === '"' || c === "'") {
    const q = c === '"' ? doubleQuoted(s.slice(pos.i)) : singleQuoted(s.slice(pos.i));
    pos.i += q.end;
    return q.value;
  }
  const rest = s.slice(pos.i);
  const m = inFlow ? /^[^,\]}]*?(?=\s*(?:[,\]}]|:\s|:$|$))/.exec(rest) : null;
  const text = m ? m[0] : rest;
  pos.i += text.length;
  return plainScalar(text.trim());
}

class Parser {
  private readonly lines: Line[];
  private i = 0;

  constructor(source: string) {
    this.lines = source
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((raw, n) => {
        if (raw.includes('\t') && /^\s*\t/.test(raw)) throw new YamlError(`tab indentation on line ${n + 1}`);
        const text = raw.trimStart();
        return { indent: raw.length - text.length, text: text.trimEnd(), no: n + 1 };
      });
  }

  /** The next line that holds something, without consuming it. */
  private peek(): Line | undefined {
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line && !isBlank(line.text) && line.text !== '---') return line;
      if (line?.text === '---' && line.indent === 0 && this.i > 0 && this.hasContentBefore()) {
        throw new YamlError('multi-document streams are not supported', line);
      }
      this.i++;
    }
    return undefined;
  }

  private hasContentBefore(): boolean {
    return this.lines.slice(0, this.i).some((l) => !isBlank(l.text) && l.text !== '---');
  }

  parseDocument(): unknown {
    const first = this.peek();
    if (!first) return null;
    const value = this.block(first.indent);
    const extra = this.peek();
    if (extra && extra.text !== '...') throw new YamlError('unexpected content', extra);
    return value;
  }

  /** A mapping or sequence whose entries sit at `indent`. */
  private block(indent: number): unknown {
    const line = this.peek();
    if (!line) return null;
    return line.text === '-' || line.text.startsWith('- ') ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (line.text !== '-' && !line.text.startsWith('- ')) break;
      const content = line.text.slice(1).trimStart();
      if (content === '' || content.startsWith('#')) {
        this.i++;
        const next = this.peek();
        out.push(next && next.indent > indent ? this.nested(next, indent) : null);
        continue;
      }
      const column = indent + (line.text.length - content.length);
      if (content.startsWith('- ') || content === '-' || this.keyOf(content) !== undefined) {
        // "- key: value" (or "- - x"): the rest of the line opens a block at the content's column.
        this.lines[this.i] = { indent: column, text: content, no: line.no };
        out.push(this.block(column));
        continue;
      }
      this.i++;
      out.push(this.scalar(content, indent, line));
    }
    return out;
  }

  /** What an entry with nothing after its `key:` or `-` holds: a deeper block, or a scalar starting on `next`. */
  private nested(next: Line, parentIndent: number): unknown {
    const collection =
      next.text === '-' ||
      next.text.startsWith('- ') ||
      (!/^[[{|>]/.test(next.text) && this.keyOf(next.text) !== undefined);
    if (collection) return this.block(next.indent);
    this.i++;
    return this.scalar(next.text, parentIndent, next);
  }

  /** The key of a `key: value` / `key:` text, and where its value starts; undefined when it is no entry. */
  private keyOf(text: string): { key: string; rest: string } | undefined {
    if (text.startsWith('? ')) throw new YamlError(`complex keys are not supported: ${text}`);
    if (text.startsWith('"') || text.startsWith("'")) {
      const q = text.startsWith('"') ? doubleQuoted(text) : singleQuoted(text);
      const after = text.slice(q.end);
      const m = /^\s*:(\s|$)/.exec(after);
      return m ? { key: q.value, rest: after.slice(m[0].length).trim() } : undefined;
    }
    if (text.startsWith('[') || text.startsWith('{')) return undefined;
    const m = /^([^#]*?)\s*:(\s|$)/.exec(text);
    if (!m) return undefined;
    return { key: m[1] ?? '', rest: text.slice(m[0].length).trim() };
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (line.text === '-' || line.text.startsWith('- ') || line.text === '...') break;
      const entry = this.keyOf(line.text);
      if (!entry) throw new YamlError(`expected "key: value": ${line.text}`, line);
      this.i++;
      const rest = entry.rest.startsWith('#') ? '' : entry.rest;
      if (rest !== '') {
        out[entry.key] = this.scalar(rest, indent, line);
        continue;
      }
      const next = this.peek();
      if (next && next.indent > indent) out[entry.key] = this.nested(next, indent);
      else if (next && next.indent === indent && (next.text === '-' || next.text.startsWith('- '))) {
        // A sequence may sit at its key's own indentation.
        out[entry.key] = this.sequence(indent);
      } else out[entry.key] = null;
    }
    return out;
  }

  /**
   * The value that starts with `text` on `line`: a block scalar, a flow collection, a quoted or plain scalar;
   * quoted and plain scalars may go on over the following lines indented deeper than `parentIndent`.
   */
  private scalar(text: string, parentIndent: number, line: Line): unknown {
    const block = /^([|>])([-+]?)([1-9]?)([-+]?)\s*(#.*)?$/.exec(text);
    if (block) return this.blockScalar(block[1] === '>', (block[2] || block[4]) ?? '', parentIndent);
    if (/^[&*!]/.test(text))
      throw new YamlError(`anchors, aliases and tags are not supported: ${text}`, line);
    if (text.startsWith('[') || text.startsWith('{')) {
      const pos = { i: 0 };
      const value = flowValue(text, pos, false);
      const tail = text.slice(pos.i).trim();
      if (tail !== '' && !tail.startsWith('#')) throw new YamlError('text after a flow collection', line);
      return value;
    }
    // Gather continuation lines (deeper than the parent) for multi-line scalars.
    const more: string[] = [];
    const quote = text[0] === '"' || text[0] === "'" ? text[0] : undefined;
    const closed = (s: string): boolean => {
      if (!quote) return true;
      try {
        (quote === '"' ? doubleQuoted : singleQuoted)(s);
        return true;
      } catch {
        return false;
      }
    };
    let joined = text;
    while (this.i < this.lines.length) {
      const next = this.lines[this.i];
      if (!next) break;
      if (quote ? closed(joined) : false) break;
      if (!quote && !isBlank(next.text) && next.indent <= parentIndent) break;
      if (!quote && next.text.startsWith('#')) break;
      if (!quote && isBlank(next.text)) {
        // A blank line inside a plain scalar only counts when the scalar goes on after it.
        const after = this.lines.slice(this.i).find((l) => !isBlank(l.text));
        if (!after || after.indent <= parentIndent) break;
      }
      more.push(next.text);
      joined = `${text}\n${more.join('\n')}`;
      this.i++;
    }
    if (quote) {
      // Line breaks inside the quotes fold before the escapes are read (an escaped "\\n" stays a newline).
      const raw = foldFlow(joined);
      const q = (quote === '"' ? doubleQuoted : singleQuoted)(raw);
      const tail = raw.slice(q.end).trim();
      if (tail !== '' && !tail.startsWith('#')) throw new YamlError('text after a quoted scalar', line);
      return q.value;
    }
    const plain = foldFlow(stripComment(joined));
    return more.length > 0 ? plain : plainScalar(plain);
  }

  /** `|` (literal) or `>` (folded) with chomping `-` (strip), `+` (keep) or none (clip). */
  private blockScalar(folded: boolean, chomp: string, parentIndent: number): string {
    const body: { indent: number; text: string }[] = [];
    let indent: number | undefined;
    while (this.i < this.lines.length) {
      const next = this.lines[this.i];
      if (!next) break;
      if (next.text === '') {
        body.push({ indent: 0, text: '' });
        this.i++;
        continue;
      }
      if (next.indent <= parentIndent || (indent !== undefined && next.indent < indent)) break;
      indent ??= next.indent;
      body.push({ indent: next.indent, text: next.text });
      this.i++;
    }
    const base = indent ?? 0;
    // Trailing blank lines belong to the scalar only with keep chomping.
    let trailing = 0;
    while (body.length > 0 && body[body.length - 1]?.text === '') {
      body.pop();
      trailing++;
    }
    const lines = body.map((l) => (l.text === '' ? '' : ' '.repeat(l.indent - base) + l.text));
    let text: string;
    if (!folded) text = lines.join('\n');
    else {
      text = '';
      lines.forEach((l, k) => {
        if (k === 0) {
          text = l;
          return;
        }
        const prev = lines[k - 1] ?? '';
        // An empty line is a newline (the break before it is dropped); more-indented lines keep their breaks.
        if (l === '') text += '\n';
        else if (prev === '') text += l;
        else text += l.startsWith(' ') || prev.startsWith(' ') ? `\n${l}` : ` ${l}`;
      });
    }
    if (lines.length === 0) return chomp === '+' ? '\n'.repeat(trailing) : '';
    if (chomp === '-') return text;
    if (chomp === '+') return `${text}\n${'\n'.repeat(trailing)}`;
    return `${text}\n`;
  }
}

/** Parses one YAML document (the subset described above). */
export function parseYaml(source: string): unknown {
  return new Parser(source).parseDocument();
}
