import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.js';

/** One handler: 4xx messages pass through (they tell the caller what to fix); 5xx are logged, hidden. */
export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): void {
  const status =
    err instanceof AppError
      ? err.status
      : 'statusCode' in err && typeof err.statusCode === 'number'
        ? err.statusCode
        : 500;
  if (status >= 500) {
    req.log.error({ err }, 'request failed');
    reply
      .code(500)
      .send({ error: 'INTERNAL', message: 'Internal error; it has been logged.', requestId: req.id });
    return;
  }
  if (err instanceof AppError) {
    reply
      .code(status)
      .send({ error: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) });
    return;
  }
  const code =
    'validation' in err && err.validation
      ? 'VALIDATION_FAILED'
      : ('code' in err && err.code) || 'BAD_REQUEST';
  reply.code(status).send({ error: code, message: err.message });
}
