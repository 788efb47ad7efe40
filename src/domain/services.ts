/** Every domain service, built once from a `DomainContext` and handed to the commands. */

import { IdentityCheckService } from './checks/identity.ts';
import { NdaService } from './checks/nda.ts';
import type { DomainContext } from './context.ts';
import { HomeService } from './home.ts';
import { IdentityService } from './identity/service.ts';
import { CompanyService } from './market/companies.ts';
import { FollowService } from './market/follows.ts';
import { MessageService } from './market/messages.ts';
import { ProfileService } from './market/profiles.ts';
import { TeamInvitationService } from './market/team-invitations.ts';
import { TeamService } from './market/teams.ts';
import { VerificationService } from './market/verification.ts';
import { WorkerSearchService } from './market/workers.ts';
import { CannedReplyService } from './support/canned.ts';
import { CsatService } from './support/csat.ts';
import { DeskReportService } from './support/desk-report.ts';
import { DeskSlaService } from './support/desk-sla.ts';
import { SupportDirectoryService } from './support/directory.ts';
import { InquiryService } from './support/inquiries.ts';
import { InquiryReadService } from './support/inquiry-reads.ts';
import { SupportSetupService } from './support/setup.ts';
import { AlertPreferenceService } from './work/alerts.ts';
import { ApplicationService } from './work/applications.ts';
import { BankAccountService } from './work/bank-accounts.ts';
import { DeliveryService } from './work/deliveries.ts';
import { InvoiceService } from './work/invoices.ts';
import { JobService } from './work/jobs.ts';
import { LedgerService } from './work/ledger.ts';
import { NoticeService } from './work/notices.ts';
import { OrderTermsService } from './work/order-terms.ts';
import { PayDeadlineService } from './work/pay-deadlines.ts';
import { QuestionService } from './work/questions.ts';
import { StatementService } from './work/statements.ts';

export interface DomainServices {
  identity: IdentityService;
  jobs: JobService;
  applications: ApplicationService;
  questions: QuestionService;
  deliveries: DeliveryService;
  invoices: InvoiceService;
  statements: StatementService;
  orderTerms: OrderTermsService;
  payDeadlines: PayDeadlineService;
  ledger: LedgerService;
  bankAccounts: BankAccountService;
  notices: NoticeService;
  alerts: AlertPreferenceService;
  supportSetup: SupportSetupService;
  supportDirectory: SupportDirectoryService;
  inquiries: InquiryService;
  inquiryReads: InquiryReadService;
  /** 満足度 and 定型文 (docs/domain.md §2.11, §2.12). */
  csat: CsatService;
  cannedReplies: CannedReplyService;
  /** 対応レポート (docs/domain.md §2.13). */
  deskReport: DeskReportService;
  /** Desk hours, SLA status and settings, duty (docs/domain.md §2.7–§2.10). */
  deskSla: DeskSlaService;
  /** What needs a person now: ホーム and the Slack App Home (docs/domain.md §7.6, §2.14). */
  home: HomeService;
  messages: MessageService;
  follows: FollowService;
  companies: CompanyService;
  teams: TeamService;
  teamInvitations: TeamInvitationService;
  profiles: ProfileService;
  verification: VerificationService;
  workers: WorkerSearchService;
  identityChecks: IdentityCheckService;
  nda: NdaService;
}

export function createDomainServices(ctx: DomainContext): DomainServices {
  return {
    identity: new IdentityService(ctx),
    jobs: new JobService(ctx),
    applications: new ApplicationService(ctx),
    questions: new QuestionService(ctx),
    deliveries: new DeliveryService(ctx),
    invoices: new InvoiceService(ctx),
    statements: new StatementService(ctx),
    orderTerms: new OrderTermsService(ctx),
    payDeadlines: new PayDeadlineService(ctx),
    ledger: new LedgerService(ctx),
    bankAccounts: new BankAccountService(ctx),
    notices: new NoticeService(ctx),
    alerts: new AlertPreferenceService(ctx),
    supportSetup: new SupportSetupService(ctx),
    supportDirectory: new SupportDirectoryService(ctx),
    inquiries: new InquiryService(ctx),
    inquiryReads: new InquiryReadService(ctx),
    csat: new CsatService(ctx),
    cannedReplies: new CannedReplyService(ctx),
    deskReport: new DeskReportService(ctx),
    deskSla: new DeskSlaService(ctx),
    home: new HomeService(ctx),
    messages: new MessageService(ctx),
    follows: new FollowService(ctx),
    companies: new CompanyService(ctx),
    teams: new TeamService(ctx),
    teamInvitations: new TeamInvitationService(ctx),
    profiles: new ProfileService(ctx),
    verification: new VerificationService(ctx),
    workers: new WorkerSearchService(ctx),
    identityChecks: new IdentityCheckService(ctx),
    nda: new NdaService(ctx),
  };
}
