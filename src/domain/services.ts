/** Every domain service, built once from a `DomainContext` and handed to the commands. */
import type { DomainContext } from './context.ts';
import { IdentityService } from './identity/service.ts';
import { ApplicationService } from './work/applications.ts';
import { DeliveryService } from './work/deliveries.ts';
import { JobService } from './work/jobs.ts';
import { QuestionService } from './work/questions.ts';

export interface DomainServices {
  identity: IdentityService;
  jobs: JobService;
  applications: ApplicationService;
  questions: QuestionService;
  deliveries: DeliveryService;
}

export function createDomainServices(ctx: DomainContext): DomainServices {
  return {
    identity: new IdentityService(ctx),
    jobs: new JobService(ctx),
    applications: new ApplicationService(ctx),
    questions: new QuestionService(ctx),
    deliveries: new DeliveryService(ctx),
  };
}
