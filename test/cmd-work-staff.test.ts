/**
 * The staff side of the work portal in English: posting and closing jobs, deciding on applicants by
 * button, handing over work files, answering, reviewing, invoicing, closing a month and publishing
 * notices, with every malformed or out-of-place request answered in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/domain/roles.ts';
import type { UploadedFile } from '../src/files/storage.ts';
import {
  type ChatBench,
  type ChatSession,
  openChatBench,
  sayWithFiles as sendFilesAs,
  uploadFor,
} from './helpers/chat.ts';

let c: ChatBench;
let staff: ChatSession;
let n = 0;

beforeAll(async () => {
  c = await openChatBench('cmdworkstaff');
  staff = await c.as('s-staff', ['staff'], { name: 'Sato', locale: 'en' });
});
afterAll(() => c?.close());

const person = (roles: Role[] = ['worker'], options: { companyId?: number } = {}) =>
  c.as(`s-person-${++n}`, roles, { locale: 'en', name: `Person${n}`, ...options });

/** What the console would print for `line` sent by `who` with `files` attached. */
function sayWithFiles(who: ChatSession, line: string, files: UploadedFile[]): Promise<string> {
  return sendFilesAs(c.bot, who.handle, line, files);
}

const numberAfter = (text: string, prefix: string) => {
  const m = new RegExp(`${prefix} #(\\d+)`).exec(text);
  if (!m) throw new Error(`no "${prefix} #…" in:\n${text}`);
  return Number(m[1]);
};

async function postJob(by: ChatSession, line = 'Data entry / 12000 / 1'): Promise<number> {
  return numberAfter(await by.say(`post-job ${line}`), 'Job');
}

async function applyFor(worker: ChatSession, jobId: number): Promise<number> {
  return numberAfter(await worker.say(`apply ${jobId} Happy to help`), 'application');
}

/** An application accepted with work files handed over and started by its worker. */
async function startedApplication(): Promise<{ worker: ChatSession; appId: number }> {
  const worker = await person();
  const appId = await applyFor(worker, await postJob(staff));
  await staff.say(`accept ${appId}`);
  await sayWithFiles(staff, `handout ${appId}`, [await uploadFor(c, 'brief.pdf', `brief ${appId}`)]);
  await worker.say(`start ${appId}`);
  return { worker, appId };
}

describe('posting job notices', () => {
  it('posts an open job from the one-line form and reports the job alerts queued', async () => {
    await person();
    const posted = await staff.say('post-job Data entry / ¥12,000 / 2 / 2026-12-10');
    expect(posted).toMatch(/Job #\d+ is open\. Job alerts queued for matching workers: [1-9]\d*\./);
    expect(posted).toContain('Reward: ¥12,000');
    expect(posted).toContain('Apply by: Thu, 10 Dec 2026');
    expect(posted).toContain('Status: Open');
    expect(staff.choices()).toEqual(['Applicants', 'Close the job']);
    expect(await staff.say('post-job Tagging / 50x200 / 2')).toContain('Reward: ¥10,000 (¥50 × 200)');
    // A fifth field is the due date, which the order's terms state.
    expect(await staff.say('post-job Transcription / 8000 / 1 / 2026-12-10 / 2026-12-24')).toContain(
      'Due date: Thu, 24 Dec 2026',
    );
  });

  it('answers a malformed form with the usage line or the field’s own message', async () => {
    expect(await staff.say('post-job Data entry')).toContain(
      'Send “post-job <title> / <reward> / <openings>',
    );
    expect(await staff.say('post-job Data entry / lots / 1')).toBe(
      'Could not read “lots” as an amount. Type it like “12000” or “12,000円”.',
    );
    expect(await staff.say('post-job Data entry / 1000 / many')).toBe('Openings must be 1 or more.');
    expect(await staff.say('post-job Data entry / 1000 / 1 / 2026-02-30')).toContain(
      'Could not read “2026-02-30” as a date',
    );
    expect(await staff.say('post-job Data entry / 1000 / 1 / 2026-01-05')).toBe(
      'The application deadline must be in the future.',
    );
    expect(await staff.say('post-job Data entry / 1000 / 1 / 2026-12-10 / 2026-12-01')).toBe(
      'The due date cannot be before the application deadline.',
    );
  });

  it('closes and cancels jobs, refusing a second close by naming the state', async () => {
    const closing = await postJob(staff);
    expect(await staff.say(`close-job ${closing}`)).toBe(
      `Job #${closing} Data entry is closed to new applications. Accepted work goes on.`,
    );
    expect(await staff.say(`close-job ${closing}`)).toBe(
      'This job notice is “Closed”, so that is not possible.',
    );
    const cancelling = await postJob(staff);
    expect(await staff.say(`cancel-job #${cancelling}`)).toBe(`Job #${cancelling} Data entry is cancelled.`);
    expect(await staff.say('close-job')).toBe(
      'Please give the number of the job to close (e.g. close-job 12).',
    );
  });

  it('lets a client manage only their own jobs', async () => {
    const company = await c.b.company();
    const client = await person(['client'], { companyId: company });
    const otherClient = await person(['client'], { companyId: company });
    const jobId = await postJob(client, 'Logo sketch / 30000 / 1');
    expect(await client.say(`applicants ${jobId}`)).toContain('has no applications yet');
    expect(await otherClient.say(`applicants ${jobId}`)).toBe('You are not allowed to do that.');
    expect(await otherClient.say(`close-job ${jobId}`)).toBe('You are not allowed to do that.');
  });
});

describe('deciding on applicants', () => {
  it('accepts and rejects by button, asks for a reason, and stops at the openings', async () => {
    const jobId = await postJob(staff);
    const first = await person();
    const second = await person();
    const third = await person();
    const firstApp = await applyFor(first, jobId);
    const secondApp = await applyFor(second, jobId);
    const thirdApp = await applyFor(third, jobId);

    const list = await staff.say(`applicants ${jobId}`);
    expect(list).toContain(
      `Applicants of job #${jobId} Data entry (applications: 3; openings filled: 0 of 1)`,
    );
    expect(list).toContain(`Application #${firstApp} Person`);
    expect(staff.choices()).toEqual(['Accept', 'Reject', 'Accept', 'Reject', 'Accept', 'Reject']);

    expect(await staff.tap('Reject')).toBe(
      `To reject application #${firstApp}, send “reject ${firstApp} <reason>”. The worker is told the reason.`,
    );
    expect(await staff.say(`reject ${secondApp} We chose someone with more experience`)).toBe(
      `Application #${secondApp} is rejected. The worker will be told with your reason.`,
    );
    const rejected = await c.b.outbox({ type: 'application.rejected', recipientUserId: second.actor.userId });
    expect(rejected).toHaveLength(1);
    expect(await second.say(`application ${secondApp}`)).toContain(
      'Reason: We chose someone with more experience',
    );

    await staff.say(`applicants ${jobId}`);
    const accepted = await staff.tap('Accept');
    expect(accepted).toContain(`Application #${firstApp} (Person`);
    expect(accepted).toContain(`attach them and send “handout ${firstApp}”`);
    expect(await staff.say(`accept ${thirdApp}`)).toBe(
      'All 1 openings are filled; no one else can be accepted.',
    );
    expect(await staff.say(`accept ${secondApp}`)).toBe(
      'This application is “Rejected”, so that is not possible.',
    );
    expect(await staff.say('accept 99999')).toMatch(/^We could not find that .* Please check the number\.$/);
    expect(await staff.say('applicants 99999')).toMatch(/^We could not find that/);
  });

  it('cancels work before approval only with a reason', async () => {
    const { worker, appId } = await startedApplication();
    expect(await staff.say(`cancel-application ${appId}`)).toContain(
      'Please give the application number and the reason',
    );
    expect(await staff.say(`cancel-application ${appId} The client withdrew the job`)).toBe(
      `Application #${appId} is cancelled. The worker will be told.`,
    );
    expect(await worker.say(`application ${appId}`)).toContain('Status: Cancelled');
    expect(await staff.say(`approve ${appId}`)).toBe(
      'This application is “Cancelled”, so that is not possible.',
    );
  });
});

describe('work files, questions and reviews', () => {
  it('explains how to attach work files and refuses them before acceptance', async () => {
    const worker = await person();
    const appId = await applyFor(worker, await postJob(staff));
    expect(await staff.say(`handout ${appId}`)).toBe(
      'This application is “Applied”, so that is not possible.',
    );
    await staff.say(`accept ${appId}`);
    const advice = await staff.say(`handout ${appId}`);
    expect(advice).toContain(`attach them and send “handout ${appId}”`);
    expect(advice).toContain('the console cannot attach files yet');
    const handed = await sayWithFiles(staff, `work-files ${appId}`, [
      await uploadFor(c, 'manual.pdf', 'manual'),
      await uploadFor(c, 'sheet.xlsx', 'sheet'),
    ]);
    expect(handed).toContain(`Work files handed to the worker of application #${appId}: 2.`);
    expect(await worker.say(`application ${appId}`)).toContain('Work files: manual.pdf, sheet.xlsx');
    expect(
      await c.b.outbox({ type: 'work_files.handed', recipientUserId: worker.actor.userId }),
    ).toHaveLength(1);
  });

  it('answers a question once and shows the history to the staff with answer hints', async () => {
    const { worker, appId } = await startedApplication();
    const questionId = numberAfter(await worker.say(`ask ${appId} Which date format?`), 'question');
    const before = await staff.say(`application ${appId}`);
    expect(before).toContain(`Q#${questionId}`);
    expect(before).toContain(`Answer with “answer ${questionId} <answer>”`);
    expect(await staff.say(`answer ${questionId}`)).toBe(
      'Please give the question number and your answer (e.g. answer 3 By 10 December).',
    );
    expect(await staff.say(`answer ${questionId} YYYY-MM-DD please`)).toBe(
      `Question #${questionId} is answered (application #${appId}). The worker will be told.\n\n[1] Details`,
    );
    expect(await staff.say(`answer ${questionId} Again`)).toBe('This question has already been answered.');
    expect(await staff.say('answer 99999 Hello')).toMatch(/^We could not find that/);
    expect(await worker.say(`application ${appId}`)).toContain('Answer: YYYY-MM-DD please');
  });

  it('reviews the latest delivery: revision by feedback, then approval by button', async () => {
    const { worker, appId } = await startedApplication();
    expect(await staff.say(`review ${appId}`)).toBe(
      `Application #${appId} (now “Working”) has no delivery yet.`,
    );
    // Without files, `deliver <id>` starts the guided delivery flow; leave it to deliver in one line.
    expect(await worker.say(`deliver ${appId}`)).toContain('Please attach the files you are delivering.');
    expect(await worker.say('cancel')).toBe('Stopped. Nothing was saved.');
    expect(
      await sayWithFiles(worker, `deliver ${appId} First draft`, [
        await uploadFor(c, 'draft.txt', `draft ${appId}`),
      ]),
    ).toContain(`Delivery for application #${appId} received (files: 1)`);

    const review = await staff.say(`review ${appId}`);
    expect(review).toContain('First draft');
    expect(review).toContain('Files: draft.txt');
    expect(review).toContain('Review: Awaiting review');
    expect(staff.choices()).toEqual(['Approve', 'Request revision', 'Details']);
    expect(await staff.tap('Request revision')).toContain(`send “revise ${appId} <what to change>”`);
    expect(await staff.say(`revise ${appId} Please use YYYY-MM-DD`)).toBe(
      `A revision of application #${appId} was requested. The worker will be told.`,
    );
    const mine = await worker.say(`application ${appId}`);
    expect(mine).toContain('Status: Revision requested');
    expect(mine).toContain('Feedback: Please use YYYY-MM-DD');
    expect(await worker.tap('Resume work')).toContain(`Work on application #${appId} has started.`);
    await sayWithFiles(worker, `deliver ${appId} Fixed`, [await uploadFor(c, 'final.txt', `final ${appId}`)]);

    const second = await staff.say(`review ${appId}`);
    expect(second).toContain('Fixed');
    expect(second).toContain('Earlier deliveries: 1');
    const approved = await staff.tap('Approve');
    expect(approved).toContain(`The delivery for application #${appId} is approved.`);
    // Approval leads to payment: the job's reward is the worker's invoice item; no staff command to run.
    expect(approved).toMatch(/The reward of ¥[\d,]+ was added to the \w+ 2026 invoice\./);
    expect(approved).not.toContain('“pay ');
    expect(await staff.say(`approve ${appId}`)).toBe(
      'This application is “Approved”, so that is not possible.',
    );
    expect(await staff.say(`revise ${appId}`)).toContain('To request a revision of application');
  });
});

describe('invoices and the month close', () => {
  it('adds items, refusing malformed amounts and months and non-workers', async () => {
    const worker = await person();
    expect(await staff.say('pay')).toContain('Send “pay <worker number> <amount> <description> [month]”');
    expect(await staff.say(`pay ${worker.actor.userId} 1000`)).toContain('Send “pay <worker number>');
    expect(await staff.say(`pay ${worker.actor.userId} lots Data entry`)).toBe(
      'Could not read “lots” as an amount. Type it like “12000” or “12,000円”.',
    );
    expect(await staff.say(`pay ${worker.actor.userId} 0 Data entry`)).toBe(
      'The amount must be a whole number of yen from ¥1 to ¥10,000,000.',
    );
    expect(await staff.say(`pay ${worker.actor.userId} 1000 Data entry 2026-13`)).toContain(
      'We could not read “2026-13” as a month.',
    );
    expect(await staff.say(`pay ${staff.actor.userId} 1000 Data entry`)).toBe(
      'Invoice items can only be added for people registered as workers.',
    );
    expect(await staff.say('pay 99999 1000 Data entry')).toBe(
      'We could not find that worker. Please check the number.',
    );
    expect(await staff.say(`pay ${worker.actor.userId} 1000 Data entry app#99999`)).toBe(
      'We could not find that application. Please check the number.',
    );
    expect(await staff.say(`pay ${worker.actor.userId} 2,500 Proofreading batch 2 2026-10`)).toMatch(
      /Item #\d+ “Proofreading batch 2” \(¥2,500\) was added to the Oct 2026 invoice of Person\d+ \(#\d+\)\./,
    );
  });

  it('closes a finished month into statements and reports what was left out', async () => {
    const paid = await person();
    const waiting = await person();
    const add = async (who: ChatSession, amount: number, what: string) =>
      numberAfter(await staff.say(`pay ${who.actor.userId} ${amount} ${what} 2026-09`), 'Item');
    const a = await add(paid, 4000, 'Survey entry');
    const b = await add(paid, 6000, 'Survey check');
    await add(waiting, 1000, 'Pending work');
    await paid.say(`confirm ${a}`);
    await paid.say(`confirm ${b}`);

    const staffInvoice = await staff.say('invoice 2026-09');
    expect(staffInvoice).toContain('Invoice for Sep 2026 (items: 3)');
    expect(staffInvoice).toContain(`Worker: Person`);
    expect(staff.choices()).toEqual([]);

    expect(await staff.say('close-month')).toBe(
      'Please give the month to close (e.g. close-month 2026-11). To close one worker alone with an earlier pay date, send “close-month <month> <worker> <pay date>” (e.g. close-month 2026-11 #12 2026-11-05).',
    );
    expect(await staff.say('close-month September')).toContain('We could not read “September” as a month.');
    expect(await staff.say('close-month 2026-11')).toBe('2026-11 has not ended yet, so it cannot be closed.');
    // September's pay date (9 October) has passed: it asks first, and closes once confirmed.
    expect(await staff.say('close-month 2026-09')).toContain(
      'The pay date for Sep 2026 (Fri, 9 Oct 2026) has already passed',
    );
    const closed = await staff.tap('Close it');
    expect(closed).toContain(
      'Sep 2026 is closed. Payment statements issued: 1 (total ¥10,000), paid on Fri, 9 Oct 2026.',
    );
    expect(closed).toContain('Left out: items awaiting confirmation: 1; disputed items: 0.');
    expect(closed).toContain('¥10,000 (items: 2)');
    expect(closed).toContain('These workers have no bank account registered');
    expect(await staff.say('close-month 2026-09 yes')).toContain('No new payment statements for Sep 2026');

    const statements = await paid.say('statement');
    expect(statements).toContain('¥10,000 · paid on Fri, 9 Oct 2026');
    const statement = await paid.tap('Open');
    expect(statement).toContain('Total: ¥10,000');
    expect(statement).toContain('Survey entry');
    expect(statement).toContain('Survey check');
    expect(await waiting.say(`statement ${numberAfter(statement, 'Payment statement')}`)).toBe(
      'We could not find that payment statement. Please check the number.',
    );
    expect(await staff.say('statement')).toContain('Worker: Person');
  });
});

describe('notices', () => {
  it('names the worker of an invoice item or a personal notice by part of their name', async () => {
    const hanako = await c.as('s-named-1', ['worker'], { name: '請求 花子ユニーク' });
    await c.as('s-named-2', ['worker'], { name: '請求 同名' });
    await c.as('s-named-3', ['worker'], { name: '請求 同名' });
    expect(await staff.say('pay 花子ユニーク 1,000円 Transport')).toContain('請求 花子ユニーク');
    const items = await c.services.invoices.listItems(hanako.actor, {});
    expect(items.map((i) => i.amountYen)).toContain(1000);
    expect(await staff.say('pay 同名 500 Snacks')).toContain('Several people match “同名”. Which one?');
    expect(staff.choices().filter((l) => l.startsWith('請求 同名'))).toHaveLength(2);
    expect(await staff.say('pay nobody-like-this 500 Snacks')).toContain(
      'Nobody named “nobody-like-this” was found.',
    );
    expect(await staff.say('notify user 花子ユニーク Your account / Please register it')).toContain(
      'people to notify: 1',
    );
  });

  it('publishes to everyone, a role or one user, and explains the form otherwise', async () => {
    const worker = await person();
    expect(await staff.say('notify everyone Maintenance / The bot is down on Sunday night')).toMatch(
      /^Notice #\d+ was published to everyone\.$/,
    );
    expect(await staff.say('notify worker Year-end payments / December is paid on 8 January')).toMatch(
      /^Notice #\d+ was published to workers \(people to notify: [1-9]\d*\)\.$/,
    );
    expect(await staff.say(`notify user ${worker.actor.userId} Your account / Please register it`)).toMatch(
      new RegExp(
        `^Notice #\\d+ was published to Person\\d+ \\(#${worker.actor.userId}\\) \\(people to notify: 1\\)`,
      ),
    );
    const list = await worker.say('notices');
    expect(list).toContain('Notices: Information (3, 3 unread)');
    expect(list).toContain('[unread] #');
    expect(list).toContain('Personal notice · ');
    expect(await staff.say('notify')).toContain('Send “notify <audience> <title> / <body>”');
    expect(await staff.say('notify martians Hello')).toContain('Send “notify <audience>');
    expect(await staff.say('notify staff / only a body')).toContain('Send “notify <audience>');
    expect(await staff.say('notify user 99999 Hello')).toBe(
      'We could not find that user. Please check the number.',
    );
    expect(await worker.say('notify everyone Hi')).toBe('You are not allowed to run this command.');
  });
});
