// WB statistics pages hold up to ~80 000 rows (~60 MB). Parsing the top-level array element by
// element avoids holding the body as one buffer plus one giant string next to the parsed rows.

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Parses a JSON body from byte chunks; a top-level array is parsed one element at a time. */
export async function parseJsonStream(chunks: AsyncIterable<Uint8Array | string>): Promise<unknown> {
  const decoder = new TextDecoder();
  const items: unknown[] = [];
  let started = false;
  let notArray = false;
  let finished = false;
  let whole = '';
  let piece = '';
  let depth = 0;
  let inString = false;
  let escaped = false;

  const finish = (text: string, from: number, to: number) => {
    piece += text.slice(from, to);
    if (piece.trim() !== '') items.push(JSON.parse(piece));
    piece = '';
  };

  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (notArray) {
      whole += text;
      continue;
    }
    let seg = 0;
    for (let i = 0; i < text.length && !notArray; i += 1) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (!started) {
        if (c === 91) {
          started = true;
          depth = 1;
          seg = i + 1;
        } else if (!isSpace(c)) {
          notArray = true;
          whole = text.slice(i);
        }
        continue;
      }
      if (finished) continue;
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth += 1;
      else if (c === 125) depth -= 1;
      else if (c === 93) {
        if (depth === 1) {
          finish(text, seg, i);
          finished = true;
        }
        depth -= 1;
      } else if (c === 44 && depth === 1) {
        finish(text, seg, i);
        seg = i + 1;
      }
    }
    if (started && !finished && !notArray) piece += text.slice(seg);
  }
  if (notArray) return JSON.parse(whole + decoder.decode());
  if (!finished) throw new SyntaxError('unterminated JSON array');
  return items;
}
