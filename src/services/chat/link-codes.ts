import { randomInt } from 'node:crypto';
import { ValidationError } from '../../lib/errors.js';
import type { Role } from '../../ports.js';

// One-time codes an admin hands to a person: `/link CODE` in a chat binds the chat and the person
// to the company with the code's role. Only a hash is stored; the code is shown once.

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: codes are read aloud and typed
const ROLES: readonly Role[] = ['viewer', 'buyer', 'admin'];

export type LinkCodeStore = {
  create(input: {
    companyId: string;
    code: string;
    role: Role;
    approvalLimit: number | null;
    createdBy: string;
    expiresAt: Date;
  }): Promise<void>;
};

export function createLinkCodeService(deps: {
  store: LinkCodeStore;
  now: () => Date;
  random?: (max: number) => number;
}) {
  const pick = deps.random ?? ((max: number) => randomInt(max));
  return async function issueLinkCode(input: {
    companyId: string;
    role: string;
    approvalLimit?: number | null;
    hours?: number;
    createdBy: string;
  }) {
    if (!ROLES.includes(input.role as Role)) throw new ValidationError(`role: expected ${ROLES.join(', ')}`);
    const hours = input.hours ?? 72;
    if (!(hours > 0 && hours <= 24 * 30))
      throw new ValidationError('hours: expected more than 0 and at most 720');
    if (input.approvalLimit !== undefined && input.approvalLimit !== null && !(input.approvalLimit >= 0)) {
      throw new ValidationError('approval limit: expected a number of at least 0');
    }
    const raw = Array.from({ length: 8 }, () => ALPHABET[pick(ALPHABET.length)]).join('');
    const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
    const expiresAt = new Date(deps.now().getTime() + hours * 3_600_000);
    await deps.store.create({
      companyId: input.companyId,
      code,
      role: input.role as Role,
      approvalLimit: input.approvalLimit ?? null,
      createdBy: input.createdBy,
      expiresAt,
    });
    return { code, role: input.role as Role, expiresAt };
  };
}
