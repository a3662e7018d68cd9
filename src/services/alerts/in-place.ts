// Issue #6: when an alert resolves, the message that announced it is edited in place (Slack
// chat.update, Telegram editMessageText, through the outbox's replacesId) to show the line resolved;
// a separate notice goes only where no such message can be edited (console) or none was sent.
//
// What a sent alert-group message listed travels in its outbox payload under `alertGroup` (the
// senders send only text, blocks and keyboard): every part names its group, and part 0 holds the
// items and their fingerprints, so the message can be found by fingerprint and rendered again.

import {
  type AlertGroupMessage,
  type AlertMessageItem,
  fnv1a64,
  groupForEdit,
  planResolutions,
  type SentAlertGroup,
  type Severity,
} from '../../core/alerts/index.js';
import type { Channel, NewOutboxMessage } from '../../ports.js';

/** Channels whose sent messages can be edited; the console only prints. */
const EDITABLE: ReadonlySet<Channel> = new Set(['slack', 'telegram']);
export const canEdit = (channel: Channel) => EDITABLE.has(channel);

/** An outbox row of an alert-group message, as the store reads it back. */
export type SentAlertGroupRow = {
  id: number;
  /** Its payload's `alertGroup`. */
  meta: Record<string, unknown>;
  /** `struck` of the latest edit of this row, if any. */
  editStruck: readonly string[] | null;
};

/** The rows of every alert-group message of a chat that listed any of the fingerprints. */
export type SentAlertGroups = (
  companyId: string,
  channel: Channel,
  target: string,
  fingerprints: readonly string[],
) => Promise<SentAlertGroupRow[]>;

type Payload = Record<string, unknown>;

/** What part `part` of `parts` of a group message carries besides the rendered message. */
export function groupMeta(group: AlertGroupMessage, part: number, parts: number): Payload {
  const base = { key: group.dedupKey, part, parts };
  if (part > 0) return base;
  const items = [...group.firing, ...group.reminders];
  return {
    ...base,
    at: group.at.toISOString(),
    fingerprints: [...new Set(items.map((i) => i.fingerprint))].sort(),
    firing: group.firing,
    reminders: group.reminders,
    highestSeverity: group.highestSeverity,
    counts: group.counts,
  };
}

const itemOf = (raw: Payload): AlertMessageItem =>
  ({ ...raw, firstSeenAt: new Date(String(raw.firstSeenAt)) }) as unknown as AlertMessageItem;

/** Rows back into sent groups; a group whose part 0 or any part row is missing is left out. */
export function sentGroups(rows: readonly SentAlertGroupRow[]): SentAlertGroup[] {
  const byKey = new Map<string, SentAlertGroupRow[]>();
  for (const r of rows) {
    const key = String(r.meta.key);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const out: SentAlertGroup[] = [];
  for (const [key, list] of byKey) {
    const head = list.find((r) => r.meta.part === 0)?.meta;
    const parts = Number(head?.parts);
    const ids = Array.from({ length: parts }, (_, i) => list.find((r) => r.meta.part === i)?.id);
    if (!head || !Array.isArray(head.firing) || ids.some((id) => id === undefined)) continue;
    out.push({
      key,
      at: new Date(String(head.at)),
      firing: (head.firing as Payload[]).map(itemOf),
      reminders: ((head.reminders ?? []) as Payload[]).map(itemOf),
      highestSeverity: (head.highestSeverity ?? null) as Severity | null,
      counts: head.counts as Record<Severity, number>,
      parts: ids as number[],
      // Each edit carries the whole set, so the union over parts is what the message shows.
      struck: [...new Set(list.flatMap((r) => r.editStruck ?? []))].sort(),
    });
  }
  return out;
}

type Target = { channel: Channel; target: string };

/**
 * The outbox messages one chat gets for this evaluation's resolutions: an edit of each part of a
 * sent message whose rendering changes, keyed by the row it edits and the resolved fingerprints
 * (the same resolution is never edited twice); a notice for what cannot be edited.
 */
export async function resolutionMessages(args: {
  companyId: string;
  target: Target;
  resolved: readonly AlertMessageItem[];
  sent?: SentAlertGroups;
  render: (group: AlertGroupMessage) => Payload[];
  renderNotice?: (item: AlertMessageItem) => Payload[];
}): Promise<NewOutboxMessage[]> {
  const { companyId, target: t } = args;
  const base = { companyId, channel: t.channel, target: t.target };
  const out: NewOutboxMessage[] = [];
  let unmatched = [...args.resolved];
  if (args.sent && canEdit(t.channel) && unmatched.length > 0) {
    const fps = [...new Set(unmatched.map((r) => r.fingerprint))].sort();
    const plan = planResolutions(unmatched, sentGroups(await args.sent(companyId, t.channel, t.target, fps)));
    unmatched = plan.unmatched;
    for (const edit of plan.edits) {
      const before = args.render(groupForEdit(companyId, edit.group, edit.group.struck));
      const after = args.render(groupForEdit(companyId, edit.group, edit.struck));
      const parts = edit.group.parts;
      // Marking lines moved one across a split: the parts no longer match the sent ones.
      if (after.length !== parts.length || before.length !== parts.length) {
        unmatched.push(...edit.newly);
        continue;
      }
      after.forEach((payload, part) => {
        const id = parts[part];
        if (id === undefined || JSON.stringify(payload) === JSON.stringify(before[part])) return;
        out.push({
          ...base,
          kind: 'alert-edit',
          payload: {
            ...payload,
            alertGroup: { key: edit.group.key, part, parts: parts.length, struck: edit.struck },
          },
          dedupKey: `alert-edit:${id}:resolved:${fnv1a64(edit.struck.join(','))}`,
          replacesId: id,
        });
      });
    }
  }
  const told = new Set<string>();
  for (const item of unmatched) {
    if (told.has(item.fingerprint)) continue;
    told.add(item.fingerprint);
    (args.renderNotice?.(item) ?? []).forEach((payload, part) => {
      out.push({
        ...base,
        kind: 'alert-resolved',
        payload,
        dedupKey: `alert-resolved:${item.fingerprint}:${item.firstSeenAt.toISOString()}:${part}`,
      });
    });
  }
  return out;
}
