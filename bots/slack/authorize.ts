// Bolt's `authorize` for our single workspace. With the bot identity preset there is no Web API call
// at all; without it, auth.test runs on the first request and its answer is kept (Bolt's own
// `tokenVerificationEnabled: false` calls auth.test on every request, and `true` calls it at
// start-up, which hangs boot while Slack is unreachable). A failure is not cached.

import type { Authorize } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';

type Identity = { botId: string; botUserId: string };

export function singleWorkspaceAuthorize(opts: {
  botToken: string;
  preset?: Identity;
  clientOptions: WebClientOptions;
}): Authorize<boolean> {
  let identity: Promise<Identity> | undefined = opts.preset ? Promise.resolve(opts.preset) : undefined;
  const client = new WebClient(opts.botToken, opts.clientOptions);
  return async () => {
    identity ??= client.auth.test().then((r) => ({ botId: r.bot_id ?? '', botUserId: r.user_id ?? '' }));
    try {
      return { botToken: opts.botToken, ...(await identity) };
    } catch (err) {
      identity = undefined;
      throw err;
    }
  };
}
