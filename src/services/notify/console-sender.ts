import type { ChannelSender } from '../../ports.js';

/** The default channel when no chat is configured: rendered messages printed for a person to read. */
export function createConsoleSender(write: (text: string) => void): ChannelSender {
  let n = 0;
  return {
    async send(m, replaces) {
      const text = typeof m.payload.text === 'string' ? m.payload.text : JSON.stringify(m.payload);
      write(`${replaces ? `[edit of #${replaces}] ` : ''}── ${m.kind} → ${m.target} ──\n${text}\n`);
      n++;
      return { externalId: replaces ?? `console-${m.id}-${n}` };
    },
  };
}
