/** Every guided flow. A command starts one with `ctx.startFlow(id)`. */
import type { FlowDefinition } from '../../src/chat/flow.ts';
import { applyFlow } from './apply.ts';
import { bankFlow } from './bank.ts';
import { deliverFlow } from './deliver.ts';
import { inquiryFlow } from './inquiry.ts';
import { postJobFlow } from './post-job.ts';

export const allFlows: readonly FlowDefinition[] = [
  inquiryFlow,
  postJobFlow,
  applyFlow,
  deliverFlow,
  bankFlow,
];
