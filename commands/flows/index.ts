/** Every guided flow. A command starts one with `ctx.startFlow(id)`. */
import type { FlowDefinition } from '../../src/chat/flow.ts';
import { inquiryFlow } from './inquiry.ts';

export const allFlows: readonly FlowDefinition[] = [inquiryFlow];
