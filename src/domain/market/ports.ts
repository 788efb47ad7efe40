/** Marketplace tables and the queries that need more than one table (docs/domain.md §3). */
import type { CompanyRecord } from '../shared.ts';
import type { Page, PageRequest, SearchPage, Table } from '../table.ts';
import type {
  CareerEntryRecord,
  Contact,
  ConversationMemberRecord,
  ConversationRecord,
  ConversationSummary,
  FollowEntry,
  FollowRecord,
  MessageRecord,
  NewCareerEntry,
  NewConversation,
  NewConversationMember,
  NewFollow,
  NewMessage,
  NewProfile,
  NewProfileSkill,
  NewQualification,
  NewTeam,
  NewTeamInvitation,
  NewTeamMember,
  ProfileRecord,
  ProfileSkillRecord,
  QualificationRecord,
  TeamInvitationRecord,
  TeamMemberRecord,
  TeamRecord,
  WorkerSearch,
  WorkerSummary,
} from './records.ts';

export interface MarketTables {
  conversations: Table<ConversationRecord, NewConversation>;
  conversationMembers: Table<ConversationMemberRecord, NewConversationMember>;
  messages: Table<MessageRecord, NewMessage>;
  follows: Table<FollowRecord, NewFollow>;
  teams: Table<TeamRecord, NewTeam>;
  teamMembers: Table<TeamMemberRecord, NewTeamMember>;
  teamInvitations: Table<TeamInvitationRecord, NewTeamInvitation>;
  profiles: Table<ProfileRecord, NewProfile>;
  profileSkills: Table<ProfileSkillRecord, NewProfileSkill>;
  qualifications: Table<QualificationRecord, NewQualification>;
  careerEntries: Table<CareerEntryRecord, NewCareerEntry>;

  /**
   * The one-to-one conversation of `userIds` (two users) about `jobId`, created with both members
   * when missing. Safe under concurrency: two simultaneous calls get the same conversation. With
   * `teamId`, the conversation of `userIds[0]` with that team (`userIds[1]` is the team's owner):
   * one per person and team, whoever owns the team later.
   */
  openDirectConversation(
    userIds: readonly [number, number],
    jobId: number | null,
    at: Date,
    teamId?: number | null,
  ): Promise<{ conversation: ConversationRecord; created: boolean }>;
  /**
   * The team a conversation is with, when that team has bound a Discord channel: the team it was
   * opened with (チームに相談), or for a conversation about a job, a team of a member who takes part in
   * it and works on that job (accepted application). The same rule decides which conversations the
   * Discord mirror gives a thread (db/team-threads.ts).
   */
  teamOfConversation(conversationId: number): Promise<number | null>;
  /**
   * The user's conversations, latest activity first (then highest id), with the others' names, the
   * latest message and unread counts, in at most two statements; the total is exact.
   */
  conversationsOf(userId: number, page: PageRequest): Promise<Page<ConversationSummary>>;

  /** Inserts the follow unless it exists; null when it already did. */
  addFollow(followerId: number, followeeId: number, at: Date): Promise<FollowRecord | null>;
  /** Whom the user follows (`following`) or who follows the user (`followers`), newest first. */
  followList(
    userId: number,
    direction: 'following' | 'followers',
    page: PageRequest,
  ): Promise<Page<FollowEntry>>;
  /**
   * Contacts (コンタクト): clients the user completed a job with, in either direction (an approved
   * application on a job the client posted), and friends (mutual follows); by name.
   */
  contactsOf(userId: number, page: PageRequest): Promise<Page<Contact>>;

  /** Users with the worker role matching the filters, available first, then recently updated. */
  searchWorkers(filter: WorkerSearch, page: PageRequest): Promise<SearchPage<WorkerSummary>>;
  /**
   * Companies whose NFKC, lower-cased name or whose URL slug contains `fragment` (already
   * normalized), by name.
   */
  searchCompanies(fragment: string, limit: number): Promise<CompanyRecord[]>;
}
