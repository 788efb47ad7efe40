/**
 * Who may see and take confidential work (機密案件): a person whose identity check is verified and
 * who agreed to the current version of the NDA.
 */
import type { DomainContext } from '../context.ts';
import type { Tx } from '../tx.ts';
import { readNda, statusOf } from './nda.ts';
import type { IdentityCheckStatus } from './records.ts';

export interface Clearance {
  identity: IdentityCheckStatus | 'none';
  nda: boolean;
  cleared: boolean;
}

export async function clearanceOf(tx: Tx, ctx: DomainContext, userId: number): Promise<Clearance> {
  const check = await tx.identityChecks.findOne({ userId });
  const identity = check?.status ?? 'none';
  let nda = false;
  try {
    const { version } = await readNda(ctx.contentDir, 'ja');
    nda = (await statusOf(tx, userId, version)).upToDate;
  } catch {
    nda = false; // no NDA configured: nobody is cleared for confidential work
  }
  return { identity, nda, cleared: identity === 'verified' && nda };
}
