/**
 * Commands of the support desk (docs/domain.md §2): customers open inquiries and follow them, staff take,
 * answer and resolve them. Split by what they touch: the desk around an inquiry (support-desk), one
 * inquiry (support-inquiries), the lists (support-lists). Listed in the order help shows them.
 */
import type { Command } from '../src/chat/command.ts';
import {
  cannedAdd,
  cannedDelete,
  cannedEdit,
  cannedEnglish,
  cannedList,
  cannedSend,
} from './support-canned.ts';
import { csat } from './support-csat.ts';
import { assign, categories, storeAdd, stores, supportInfo, unassign } from './support-desk.ts';
import { inquiry, inquiryNew, replyCommand, resolve, take } from './support-inquiries.ts';
import { files, getFile, inquiries } from './support-lists.ts';
import { offDuty, onDuty, roundRobin, slaSettings } from './support-sla.ts';

export const supportCommands: readonly Command[] = [
  supportInfo,
  categories,
  stores,
  inquiryNew,
  inquiries,
  inquiry,
  replyCommand,
  csat,
  files,
  getFile,
  take,
  resolve,
  storeAdd,
  assign,
  unassign,
  cannedList,
  cannedAdd,
  cannedEdit,
  cannedEnglish,
  cannedDelete,
  cannedSend,
  onDuty,
  offDuty,
  slaSettings,
  roundRobin,
];
