// Splits Telegram HTML into chunks of at most `limit` visible characters (what Telegram counts:
// text after entity parsing, in UTF-16 units). Cuts at line ends when it can, never inside a tag or
// an entity, and closes the tags open at a cut and reopens them in the next chunk, so every chunk
// is valid HTML on its own (a split tag gives 400 "can't parse entities").

type Token =
  | { kind: 'open'; name: string; raw: string }
  | { kind: 'close'; name: string; raw: string }
  | { kind: 'text'; raw: string; size: number };

const TOKEN = /<\/?([a-zA-Z][\w-]*)[^>]*>|&(?:#\d+|#x[\da-fA-F]+|[a-zA-Z]+);|[\s\S]/gu;

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  for (const m of html.matchAll(TOKEN)) {
    const raw = m[0];
    if (m[1] !== undefined) {
      const name = m[1].toLowerCase();
      tokens.push(raw.startsWith('</') ? { kind: 'close', name, raw } : { kind: 'open', name, raw });
    } else tokens.push({ kind: 'text', raw, size: raw.startsWith('&') && raw.length > 1 ? 1 : raw.length });
  }
  return tokens;
}

export function visibleLength(html: string): number {
  let n = 0;
  for (const t of tokenize(html)) if (t.kind === 'text') n += t.size;
  return n;
}

export function splitHtml(html: string, limit: number): string[] {
  const chunks: string[] = [];
  const stack: Token[] = [];
  let out: string[] = [];
  let size = 0;

  const flush = (): void => {
    while (out.length > 0 && out.at(-1) === '\n') out.pop();
    const closing = [...stack].reverse().map((t) => `</${t.kind === 'open' ? t.name : ''}>`);
    const text = out.join('') + closing.join('');
    if (visibleLength(text) > 0) chunks.push(text);
    out = stack.map((t) => t.raw);
    size = 0;
  };
  const push = (t: Token): void => {
    out.push(t.raw);
    if (t.kind === 'text') size += t.size;
    else if (t.kind === 'open') stack.push(t);
    else {
      const at = stack.findLastIndex((o) => o.kind === 'open' && o.name === t.name);
      if (at >= 0) stack.splice(at, 1);
    }
  };

  for (const line of lines(tokenize(html))) {
    // The line's own newline only counts if another line follows it in the same chunk.
    const lineSize = line.reduce((n, t) => n + (t.kind === 'text' && t.raw !== '\n' ? t.size : 0), 0);
    if (size + lineSize > limit && size > 0) flush();
    if (lineSize <= limit) {
      for (const t of line) push(t);
      continue;
    }
    // A single line longer than a message: cut it between characters.
    for (const t of line) {
      if (t.kind === 'text' && t.raw !== '\n' && size + t.size > limit) flush();
      push(t);
    }
  }
  flush();
  return chunks;
}

function lines(tokens: Token[]): Token[][] {
  const result: Token[][] = [[]];
  for (const t of tokens) {
    result.at(-1)?.push(t);
    if (t.kind === 'text' && t.raw === '\n') result.push([]);
  }
  return result;
}
