/** Every guided flow. A command starts one with `ctx.startFlow(id)`. */
import type { FlowDefinition } from '../../src/chat/flow.ts';
import { applyFlow } from './apply.ts';
import { bankFlow } from './bank.ts';
import { careerEditFlow, careerFlow } from './career.ts';
import { companyFlow } from './company.ts';
import { csatCommentFlow } from './csat.ts';
import { deliverFlow } from './deliver.ts';
import { firstMessageFlow } from './first-message.ts';
import { identityRejectFlow, identitySubmitFlow } from './identity.ts';
import { inquiryFlow } from './inquiry.ts';
import { postJobFlow } from './post-job.ts';
import { profileEditFlow } from './profile.ts';
import { profileImageFlow } from './profile-image.ts';

export const allFlows: readonly FlowDefinition[] = [
  inquiryFlow,
  csatCommentFlow,
  postJobFlow,
  applyFlow,
  deliverFlow,
  bankFlow,
  identitySubmitFlow,
  identityRejectFlow,
  companyFlow,
  firstMessageFlow,
  careerFlow,
  careerEditFlow,
  profileEditFlow,
  profileImageFlow,
];
