// POST /slack/events as an encapsulated Fastify plugin: commands, interactivity and events at one
// URL. The signature is over the raw bytes, so this scope keeps the body as a string; sibling routes
// (the Telegram webhook, the API) keep Fastify's normal JSON parser.

import type { FastifyPluginAsync } from 'fastify';
import type { FastifySlackReceiver } from './receiver.js';

export type SlackEventsRouteOptions = { receiver: FastifySlackReceiver; path?: string };

const TYPES = ['application/json', 'application/x-www-form-urlencoded'];

export const slackEventsRoute: FastifyPluginAsync<SlackEventsRouteOptions> = async (app, opts) => {
  app.removeContentTypeParser(TYPES);
  app.addContentTypeParser(TYPES, { parseAs: 'string', bodyLimit: 1_048_576 }, (_req, body, done) =>
    done(null, body),
  );
  app.post(opts.path ?? '/slack/events', async (req, reply) => {
    const rawBody = typeof req.body === 'string' ? req.body : '';
    const res = await opts.receiver.requestHandler({ rawBody, headers: req.headers });
    if (res.headers) reply.headers(res.headers);
    return reply.code(res.status).send(res.body);
  });
};
