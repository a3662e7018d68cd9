// WB statistics pages hold up to ~80 000 rows (~60 MB). Parsing the top-level array element by
// element avoids holding the body as one buffer plus one giant string next to the parsed rows.

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Text held back by the fast path before it gives up on finding `},` (an array of scalars, or
 * whitespace between `}` and `,`) and scans character by character instead.
 */
const FAST_PATH_MAX_PENDING = 1 << 20;

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

  /** The exact scanner: every character, tracking strings and depth. */
  const scan = (text: string) => {
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
  };

  // Fast path for arrays of objects: the text since the last element boundary waits in `pending`;
  // everything up to its last `},` is tried as one array. If that parses, it is exactly the
  // elements the scanner would have split there (a `},` inside a string or a nested object leaves
  // an unterminated string or unbalanced brackets, which JSON.parse rejects). If it does not, the
  // scanner takes over from the boundary, in the state it would have had there, to the end.
  let fast = true;
  let pending = '';
  const takeFast = () => {
    const k = pending.lastIndexOf('},');
    if (k >= 0) {
      let batch: unknown[] | undefined;
      try {
        batch = JSON.parse(`[${pending.slice(0, k + 1)}]`) as unknown[];
      } catch {
        batch = undefined;
      }
      if (batch !== undefined) {
        for (const item of batch) items.push(item);
        pending = pending.slice(k + 2);
        return;
      }
    } else if (pending.length < FAST_PATH_MAX_PENDING) return;
    fast = false;
    const rest = pending;
    pending = '';
    scan(rest);
  };

  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (notArray) {
      whole += text;
      continue;
    }
    if (started && fast) {
      pending += text;
      takeFast();
      continue;
    }
    if (started) {
      scan(text);
      continue;
    }
    // Before the array opens: the scanner finds `[` (or decides this is not an array).
    let open = -1;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 91) open = i;
      if (!isSpace(c)) break;
    }
    if (open < 0) {
      scan(text);
      continue;
    }
    started = true;
    depth = 1;
    pending = text.slice(open + 1);
    takeFast();
  }
  if (fast && pending !== '') scan(pending);
  if (notArray) return JSON.parse(whole + decoder.decode());
  if (!finished) throw new SyntaxError('unterminated JSON array');
  return items;
}
