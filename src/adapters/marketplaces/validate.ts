import type { z } from 'zod';
import type { Marketplace, SkippedRecord } from '../../core/marketplace/records.js';
import { excerptBody, UpstreamError } from './errors.js';

export interface Validated<T> {
  valid: T[];
  skipped: SkippedRecord[];
}

/** Validates each record on its own: a malformed one is skipped with its reason, the rest kept. */
export function validateRecords<S extends z.ZodType>(
  rows: readonly unknown[],
  schema: S,
  endpoint: string,
  keyOf: (row: unknown) => string | null,
): Validated<z.infer<S>> {
  const valid: z.infer<S>[] = [];
  const skipped: SkippedRecord[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) valid.push(parsed.data);
    else {
      const reason = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
        .join('; ');
      skipped.push({ endpoint, reason, key: keyOf(row), excerpt: excerptBody(row, 200) });
    }
  }
  return { valid, skipped };
}

/** The envelope (the page itself) must parse, or the page cannot be trusted at all. */
export function parseEnvelope<S extends z.ZodType>(
  schema: S,
  data: unknown,
  marketplace: Marketplace,
  endpoint: string,
): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UpstreamError({
    code: 'MALFORMED_RESPONSE',
    marketplace,
    endpoint,
    status: 200,
    bodyExcerpt: excerptBody(data),
    message:
      `${marketplace} ${endpoint} answered 200 with an unexpected shape (${issue?.path.join('.') ?? ''}: ` +
      `${issue?.message ?? 'invalid'}); the API may have changed — compare with ../shared/marketplaces`,
  });
}

/** Reads a string field from an unknown record for skip reports. */
export function fieldOf(row: unknown, field: string): string | null {
  if (row && typeof row === 'object' && field in row) {
    const value = (row as Record<string, unknown>)[field];
    return value === undefined || value === null ? null : String(value);
  }
  return null;
}
