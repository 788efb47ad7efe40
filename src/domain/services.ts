/** Every domain service, built once from a `DomainContext` and handed to the commands. */
import type { DomainContext } from './context.ts';
import { IdentityService } from './identity/service.ts';
import { AlertPreferenceService } from './work/alerts.ts';
import { ApplicationService } from './work/applications.ts';
import { BankAccountService } from './work/bank-accounts.ts';
import { DeliveryService } from './work/deliveries.ts';
import { InvoiceService } from './work/invoices.ts';
import { JobService } from './work/jobs.ts';
import { NoticeService } from './work/notices.ts';
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
  bankAccounts: BankAccountService;
  notices: NoticeService;
  alerts: AlertPreferenceService;
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
    bankAccounts: new BankAccountService(ctx),
    notices: new NoticeService(ctx),
    alerts: new AlertPreferenceService(ctx),
  };
}
