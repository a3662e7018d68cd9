// The Bot API puts the token in every URL, and some network errors quote the URL back. pino's
// redaction works on keys, not inside messages, so the bot's logger scrubs the token from errors.

type LoggedError = { type: string; message: string; stack?: string; code?: unknown; description?: unknown };

export function errorScrubber(token: string): (err: unknown) => unknown {
  const secret = token.includes(':') ? token.slice(token.indexOf(':') + 1) : token;
  const clean = (text: string | undefined) => (text && secret ? text.split(secret).join('[REDACTED]') : text);
  return (err) => {
    if (!(err instanceof Error)) return err;
    const out: LoggedError = { type: err.name, message: clean(err.message) ?? '' };
    const stack = clean(err.stack);
    if (stack) out.stack = stack;
    const extra = err as { code?: unknown; description?: unknown };
    if (extra.code !== undefined) out.code = extra.code;
    if (typeof extra.description === 'string') out.description = clean(extra.description);
    return out;
  };
}
