export { createSlackApp, type SlackApp, type SlackAppOptions } from './app.js';
export { type SlackEventsRouteOptions, slackEventsRoute } from './events-route.js';
export { FastifySlackReceiver, type SlackHttpRequest, type SlackHttpResponse } from './receiver.js';
export { createSlackSender } from './sender.js';
export { verifySlackSignature } from './verify.js';
