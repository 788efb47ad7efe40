/** 会社情報: a client searches companies, joins one, or registers a new one and joins it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanyService } from '../src/domain/market/companies.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';

let b: DomainBench;
let companies: CompanyService;

beforeAll(async () => {
  b = await openDomainBench('mkt_company');
  companies = new CompanyService(b.ctx);
});
afterAll(async () => {
  await b?.close();
});

const userRow = (userId: number) => b.ctx.uow.run((tx) => tx.users.get(userId));

describe('searching companies', () => {
  it('matches part of the name regardless of case and full-width letters', async () => {
    const client = await b.user(['client']);
    const abc = await b.company('ＡＢＣ商事株式会社');
    const acme = await b.company('Acme Corporation');
    await b.company('山田工務店');
    expect((await companies.search(client, 'abc')).map((c) => c.id)).toEqual([abc]);
    expect((await companies.search(client, ' ａｃｍｅ ')).map((c) => c.id)).toEqual([acme]);
    expect((await companies.search(client, '商事')).map((c) => c.id)).toEqual([abc]);
    expect(await companies.search(client, 'zzz')).toEqual([]);
  });

  it('treats % and _ in the query as plain characters', async () => {
    const client = await b.user(['client']);
    const pct = await b.company('100% Natural');
    await b.company('1000 Natural');
    expect((await companies.search(client, '100%')).map((c) => c.id)).toEqual([pct]);
    expect(await companies.search(client, '_')).toEqual([]);
  });

  it('refuses an empty query and users who are neither clients nor staff', async () => {
    expect(await refusal(companies.search(await b.user(['client']), '　'))).toBe(
      'market.company_query_required',
    );
    expect(await refusal(companies.search(await b.user(['worker']), 'abc'))).toBe('forbidden');
    await expect(companies.search(await b.user(['staff']), 'abc')).resolves.toBeInstanceOf(Array);
  });
});

describe('joining a company', () => {
  it('sets the client’s company, once', async () => {
    const client = await b.user(['client']);
    const id = await b.company('Join Me');
    await expect(companies.join(client, id)).resolves.toMatchObject({ id, name: 'Join Me' });
    expect((await userRow(client.userId))?.companyId).toBe(id);
    expect(await refusal(companies.join(client, await b.company('Another')))).toBe(
      'market.company_already_joined',
    );
    expect((await b.audit('company.joined')).filter((a) => a.actorUserId === client.userId)).toHaveLength(1);
  });

  it('is for clients only, and only for companies that exist', async () => {
    const id = await b.company();
    expect(await refusal(companies.join(await b.user(['worker']), id))).toBe('forbidden');
    expect(await refusal(companies.join(await b.user(['staff']), id))).toBe('forbidden');
    expect(await refusal(companies.join(await b.user(['client']), 999_999))).toBe('market.company_not_found');
  });
});

describe('registering a company', () => {
  const input = (slug: string) => ({
    slug,
    name: ' 株式会社サンプル ',
    introduction: '店舗向けBGMの会社です。',
    address: '東京都千代田区1-1',
    contactEmail: 'info@sample.co.jp',
  });

  it('creates the company with a lower-cased slug and joins it', async () => {
    const client = await b.user(['client']);
    const logo = await b.upload('logo.png', 'png', 'image/png');
    const company = await companies.register(client, { ...input('Ｓａｍｐｌｅ2026'), logo });
    expect(company).toMatchObject({
      slug: 'sample2026',
      name: '株式会社サンプル',
      contactEmail: 'info@sample.co.jp',
    });
    expect(company.logoFileId).not.toBeNull();
    expect((await userRow(client.userId))?.companyId).toBe(company.id);
    expect((await b.audit('company.registered')).filter((a) => a.subjectId === company.id)).toHaveLength(1);
  });

  it('refuses bad and taken slugs, a bad e-mail, a blank name and a second company', async () => {
    const client = await b.user(['client']);
    for (const slug of ['ab', '-lead', 'trail-', 'a'.repeat(33), 'ｓｌｕｇ＿x', 'two words']) {
      expect(await refusal(companies.register(client, input(slug))), slug).toBe('company.slug_invalid');
    }
    await companies.register(await b.user(['client']), input('takenslug'));
    expect(await refusal(companies.register(client, input('TakenSlug')))).toBe('company.slug_taken');
    for (const email of ['', 'info', 'info@', 'in fo@example.com', 'info@example']) {
      expect(
        await refusal(companies.register(client, { ...input('freeslug1'), contactEmail: email })),
        email,
      ).toBe('market.email_invalid');
    }
    expect(await refusal(companies.register(client, { ...input('freeslug2'), name: ' ' }))).toBe(
      'market.company_name_invalid',
    );
    const pdf = await b.upload('logo.pdf', '%PDF', 'application/pdf');
    expect(await refusal(companies.register(client, { ...input('freeslug3'), logo: pdf }))).toBe(
      'market.logo_not_image',
    );
    await companies.register(client, input('freeslug4'));
    expect(await refusal(companies.register(client, input('freeslug5')))).toBe(
      'market.company_already_joined',
    );
    expect(await refusal(companies.register(await b.user(['worker']), input('freeslug6')))).toBe('forbidden');
  });

  it('gives a slug to exactly one of two clients registering it at once', async () => {
    const results = await Promise.allSettled([
      companies.register(await b.user(['client']), input('racing')),
      companies.register(await b.user(['client']), input('racing')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.key).toBe(
      'company.slug_taken',
    );
  });
});

describe('company details', () => {
  const base = { name: '株式会社ハイフン', contactEmail: 'info@hyphen.example' };

  it('takes hyphens in the URL and reads a full-width phone number as digits and hyphens', async () => {
    const client = await b.user(['client']);
    const company = await companies.register(client, {
      ...base,
      slug: 'Hyphen-Works',
      contactPhone: '０３ー１２３４－５６７８',
    });
    expect(company).toMatchObject({ slug: 'hyphen-works', contactPhone: '03-1234-5678' });
    const page = await companies.get(client, company.id);
    expect(page).toMatchObject({ company: { id: company.id }, logo: null });
    expect((await companies.bySlug(client, 'ＨＹＰＨＥＮ-works'))?.company.id).toBe(company.id);
    expect(await companies.bySlug(client, 'nobody-has-this')).toBeNull();
    expect((await companies.search(client, 'hyphen-wo')).map((c) => c.id)).toEqual([company.id]);
  });

  it('checks a URL on its own, refuses bad phone numbers and logos that cannot be shown', async () => {
    const client = await b.user(['client']);
    expect(await companies.checkSlug(client, ' New-Slug ')).toBe('new-slug');
    expect(await refusal(companies.checkSlug(client, 'no'))).toBe('company.slug_invalid');
    await companies.register(await b.user(['client']), { ...base, slug: 'checked-taken' });
    expect(await refusal(companies.checkSlug(client, 'CHECKED-TAKEN'))).toBe('company.slug_taken');
    expect(await refusal(companies.checkSlug(await b.user(['worker']), 'free-one'))).toBe('forbidden');
    for (const phone of ['03-1234', '03-1234-567a', '+81-3-1234-5678', '0'.repeat(16)]) {
      expect(
        await refusal(companies.register(client, { ...base, slug: 'phone-slug', contactPhone: phone })),
        phone,
      ).toBe('company.phone_invalid');
    }
    const heic = { ...(await b.upload('logo.heic', 'heic', 'image/heic')) };
    expect(await refusal(companies.register(client, { ...base, slug: 'heic-slug', logo: heic }))).toBe(
      'market.logo_not_image',
    );
    const big = { ...(await b.upload('logo.png', 'png', 'image/png')), size: 6 * 1024 * 1024 };
    expect(await refusal(companies.register(client, { ...base, slug: 'big-slug', logo: big }))).toBe(
      'company.logo_too_large',
    );
    expect(await refusal(companies.get(client, 999_999))).toBe('market.company_not_found');
  });
});
