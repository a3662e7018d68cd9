import type { AlertGroupMessage, AlertMessageItem } from './group.js';
import type { Severity } from './types.js';

/** An alert-group message a chat was sent: what it listed and the outbox row of each part. */
export interface SentAlertGroup {
  /** The group's deduplication key (one per evaluation and chat). */
  key: string;
  at: Date;
  firing: AlertMessageItem[];
  reminders: AlertMessageItem[];
  highestSeverity: Severity | null;
  counts: Record<Severity, number>;
  /** Outbox row ids of the parts, in order. */
  parts: number[];
  /** Fingerprints an earlier edit already shows resolved. */
  struck: string[];
}

export interface ResolutionEdit {
  group: SentAlertGroup;
  /** Every fingerprint to show resolved after this edit, sorted (earlier ones included). */
  struck: string[];
  /** The resolutions this edit tells. */
  newly: AlertMessageItem[];
}

export interface ResolutionPlan {
  edits: ResolutionEdit[];
  /** Resolutions no sent message of the chat announced: they need a separate notice. */
  unmatched: AlertMessageItem[];
}

const sameEpisode = (a: AlertMessageItem, b: AlertMessageItem) =>
  a.fingerprint === b.fingerprint && a.firstSeenAt.getTime() === b.firstSeenAt.getTime();

/**
 * Which sent messages of one chat to edit for this evaluation's resolutions: every message that
 * listed the alert in the episode now resolved (the first announcement and its reminders), one
 * edit per message with all its resolved lines. A resolution no message listed is unmatched.
 */
export function planResolutions(
  resolved: readonly AlertMessageItem[],
  sent: readonly SentAlertGroup[],
): ResolutionPlan {
  const matched = new Set<string>();
  const edits: ResolutionEdit[] = [];
  for (const group of [...sent].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : 1))) {
    const listed = [...group.firing, ...group.reminders];
    const hits = resolved.filter((r) => listed.some((i) => sameEpisode(i, r)));
    for (const r of hits) matched.add(r.fingerprint);
    const newly = hits.filter((r) => !group.struck.includes(r.fingerprint));
    if (newly.length === 0) continue;
    const struck = [...new Set([...group.struck, ...newly.map((r) => r.fingerprint)])].sort();
    edits.push({ group, struck, newly });
  }
  return { edits, unmatched: resolved.filter((r) => !matched.has(r.fingerprint)) };
}

/** The sent message as a group again, with `struck` lines shown resolved, to re-render it. */
export function groupForEdit(
  companyId: string,
  sent: SentAlertGroup,
  struck: readonly string[],
  target?: string,
): AlertGroupMessage {
  return {
    companyId,
    ...(target !== undefined ? { target } : {}),
    at: sent.at,
    dedupKey: sent.key,
    highestSeverity: sent.highestSeverity,
    counts: sent.counts,
    firing: sent.firing,
    reminders: sent.reminders,
    resolved: [],
    struck,
  };
}
