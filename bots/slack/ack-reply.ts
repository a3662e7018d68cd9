// Issue #7: a slash command's answer rides in the HTTP ack (Slack shows an ack body with
// response_type as the reply: its "immediate response"), so a /stock costs no outbound request.
// Only the first message that is ready within the budget can go that way; later ones, and all of
// them once the budget is spent (the ack then goes out empty, inside Slack's 3 s), go to
// response_url, so nothing is lost. If the receiver already answered on its own (its ack timeout),
// the ack is refused and the message takes response_url too.

import type { Respond } from './deps.js';

type Message = Parameters<Respond>[0];
/** Bolt's ack for a slash command: the body of the HTTP answer, if any. */
export type CommandAck = (response?: Omit<Message, 'replace_original'>) => Promise<void>;

export type AckReply = {
  /** Use instead of Bolt's respond: the first message in time is the ack's body. */
  respond: Respond;
  /** The listener is done: ack (empty) if nothing did yet. */
  done(): Promise<void>;
};

export function ackReply(ack: CommandAck, respond: Respond, budgetMs: number): AckReply {
  let acked = false;
  let timer: NodeJS.Timeout | undefined;
  const ackEmpty = async () => {
    if (acked) return;
    acked = true;
    clearTimeout(timer);
    await ack();
  };
  timer = setTimeout(() => {
    // A failure here is the receiver's to report (it answers Slack itself); the reply goes on.
    ackEmpty().catch(() => {});
  }, budgetMs);
  return {
    async respond(message) {
      if (acked) return respond(message);
      acked = true;
      clearTimeout(timer);
      const { replace_original: _, ...body } = message;
      try {
        await ack(body);
        return undefined;
      } catch {
        // The HTTP answer went out already (empty): this message's way is response_url.
        return respond(message);
      }
    },
    done: ackEmpty,
  };
}
