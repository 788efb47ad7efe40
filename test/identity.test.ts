import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { normalizeCode } from '../src/domain/identity/codes.ts';
import { IdentityService, LINK_CODE_TTL_MS } from '../src/domain/identity/service.ts';
import type { IdentityKey } from '../src/store.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';

let b: DomainBench;
let ids: IdentityService;
let n = 0;

beforeAll(async () => {
  b = await openDomainBench('identity');
  ids = new IdentityService(b.ctx);
});
afterAll(async () => {
  await b?.close();
});

/** A user with one identity on `platform`, as first contact would create. */
async function person(platform: IdentityKey['platform'] = 'console', roles: Actor['roles'] = ['worker']) {
  const actor = await b.user([...roles]);
  const key: IdentityKey = { platform, workspace: 'w', externalId: `ext-${++n}` };
  await b.ctx.uow.run((tx) => tx.identities.insert({ userId: actor.userId, ...key }));
  return { actor, key };
}

describe('linking another platform', () => {
  it('moves a new platform account to the user who issued the code, once, and notifies them', async () => {
    const { actor } = await person('console');
    const { key: lineKey } = await person('line');
    const { code } = await ids.issueLinkCode(actor);
    expect(code).toMatch(/^[A-Z2-9]{8}$/);

    // Typed the way a phone keyboard might: full-width, lower case, with a space.
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`.replace(/[A-Z0-9]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    expect(normalizeCode(typed)).toBe(code);
    await expect(ids.redeemLinkCode(lineKey, typed)).resolves.toEqual({ userId: actor.userId });

    const mine = await ids.listIdentities(actor);
    expect(mine.map((i) => i.platform).sort()).toEqual(['console', 'line']);
    expect(await b.outbox({ type: 'account.linked', recipientUserId: actor.userId })).toHaveLength(1);
    // Single use.
    const { key: other } = await person('discord');
    expect(await refusal(ids.redeemLinkCode(other, code))).toBe('link.invalid_code');
  });

  it('refuses an expired code (10 minutes) with the injected clock', async () => {
    const { actor } = await person();
    const { key } = await person('line');
    const { code } = await ids.issueLinkCode(actor);
    b.clock.advance(LINK_CODE_TTL_MS + 1);
    expect(await refusal(ids.redeemLinkCode(key, code))).toBe('link.invalid_code');
  });

  it('locks linking from an identity after five wrong codes, even for the right code afterwards', async () => {
    const { actor } = await person();
    const { key } = await person('line');
    for (let i = 1; i <= 4; i++)
      expect(await refusal(ids.redeemLinkCode(key, 'WRONG999'))).toBe('link.invalid_code');
    expect(await refusal(ids.redeemLinkCode(key, 'WRONG999'))).toBe('link.locked');
    const { code } = await ids.issueLinkCode(actor);
    expect(await refusal(ids.redeemLinkCode(key, code))).toBe('link.locked');
    expect((await b.audit('link.locked')).length).toBeGreaterThanOrEqual(1);
  });

  it('invalidates an earlier code when a new one is issued', async () => {
    const { actor } = await person();
    const { key } = await person('line');
    const first = await ids.issueLinkCode(actor);
    await ids.issueLinkCode(actor);
    expect(await refusal(ids.redeemLinkCode(key, first.code))).toBe('link.invalid_code');
  });

  it('refuses to move an account that is one of several of another user', async () => {
    const { actor: owner } = await person();
    const { actor: busy, key: busyKey } = await person('line');
    const extra = await ids.issueLinkCode(busy);
    const { key: busySecond } = await person('discord');
    await ids.redeemLinkCode(busySecond, extra.code);
    const { code } = await ids.issueLinkCode(owner);
    expect(await refusal(ids.redeemLinkCode(busyKey, code))).toBe('link.already_linked');
  });

  it('says so when the account is already the issuer’s own', async () => {
    const { actor, key } = await person();
    const { code } = await ids.issueLinkCode(actor);
    expect(await refusal(ids.redeemLinkCode(key, code))).toBe('link.same_user');
  });

  it('unlinks an account but never the last one, and only the owner’s', async () => {
    const { actor, key } = await person();
    const { key: lineKey } = await person('line');
    const { code } = await ids.issueLinkCode(actor);
    await ids.redeemLinkCode(lineKey, code);
    const [first, second] = await ids.listIdentities(actor);
    if (!first || !second) throw new Error('expected two identities');
    const { actor: stranger } = await person();
    expect(await refusal(ids.unlink(stranger, first.id))).toBe('not_found');
    await ids.unlink(actor, second.id);
    expect(await refusal(ids.unlink(actor, first.id))).toBe('link.last_identity');
    expect((await ids.listIdentities(actor)).map((i) => i.externalId)).toEqual([key.externalId]);
  });
});

describe('invitations', () => {
  it('gives the joiner the role and company, once', async () => {
    const { actor: staff } = await person('slack', ['staff']);
    const companyId = await b.company('丸和商事');
    const { code, expiresAt } = await ids.createInvitation(staff, 'customer', companyId);
    expect(code).toHaveLength(10);
    expect(expiresAt.getTime() - b.clock().getTime()).toBe(7 * 24 * 3600 * 1000);

    const { actor: joiner } = await person('line', []);
    await expect(ids.join(joiner, code)).resolves.toEqual({ role: 'customer', companyId });
    const user = await b.ctx.uow.run((tx) => tx.users.get(joiner.userId));
    expect(user).toMatchObject({ roles: ['customer'], companyId });

    const { actor: late } = await person('line', []);
    expect(await refusal(ids.join(late, code))).toBe('invite.invalid_code');
  });

  it('expires after 7 days', async () => {
    const { actor: staff } = await person('slack', ['staff']);
    const { code } = await ids.createInvitation(staff, 'client');
    b.clock.advance(7 * 24 * 3600 * 1000 + 1);
    const { actor: joiner } = await person('line', []);
    expect(await refusal(ids.join(joiner, code))).toBe('invite.invalid_code');
  });

  it('lets only staff invite, only admins invite admins, and needs a company for customers', async () => {
    const { actor: worker } = await person();
    const { actor: staff } = await person('slack', ['staff']);
    const { actor: admin } = await person('slack', ['admin']);
    expect(await refusal(ids.createInvitation(worker, 'worker'))).toBe('forbidden');
    expect(await refusal(ids.createInvitation(staff, 'admin'))).toBe('invite.role_not_allowed');
    expect(await refusal(ids.createInvitation(staff, 'customer'))).toBe('invite.company_required');
    await expect(ids.createInvitation(admin, 'admin')).resolves.toMatchObject({ code: expect.any(String) });
    // The operator's command line creates the very first admin.
    await expect(ids.createInvitation(null, 'admin')).resolves.toMatchObject({ code: expect.any(String) });
  });

  it('cannot be used twice even by two people at the same moment', async () => {
    const { actor: staff } = await person('slack', ['staff']);
    const { code } = await ids.createInvitation(staff, 'staff');
    const a = await person('line', []);
    const c = await person('line', []);
    const results = await Promise.allSettled([ids.join(a.actor, code), ids.join(c.actor, code)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('reachability', () => {
  it('marks an identity unreachable and reachable again', async () => {
    const { actor, key } = await person('line');
    await ids.setReachable(key, false);
    expect((await ids.listIdentities(actor))[0]?.unreachableAt).toBeInstanceOf(Date);
    await ids.setReachable(key, true);
    expect((await ids.listIdentities(actor))[0]?.unreachableAt).toBeNull();
  });
});
