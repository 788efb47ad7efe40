/**
 * Marketplace records (docs/domain.md §3): conversations and messages, follows, teams and their
 * invitations, worker profiles with skills, qualifications and career history.
 */

export interface ConversationRecord {
  id: number;
  /** The job notice a conversation was started from (*ask a question*); null otherwise. */
  jobId: number | null;
  /** A conversation with a team (チームに相談); null for one between people. */
  teamId: number | null;
  /**
   * For a one-to-one conversation: `<smaller user id>:<larger user id>:<job id or "-">`, unique, so
   * starting a conversation twice (even concurrently) reuses the same one.
   */
  directKey: string | null;
  createdAt: Date;
  lastMessageAt: Date | null;
}
export type NewConversation = Pick<ConversationRecord, 'jobId' | 'directKey' | 'createdAt'> &
  Partial<Pick<ConversationRecord, 'teamId'>>;

export interface ConversationMemberRecord {
  id: number;
  conversationId: number;
  userId: number;
  /** Messages from others created after this time are unread; null = never opened. */
  lastReadAt: Date | null;
}
export type NewConversationMember = Pick<ConversationMemberRecord, 'conversationId' | 'userId'> &
  Partial<Pick<ConversationMemberRecord, 'lastReadAt'>>;

export interface MessageRecord {
  id: number;
  conversationId: number;
  senderId: number;
  body: string;
  createdAt: Date;
}
export type NewMessage = Omit<MessageRecord, 'id'>;

export interface FollowRecord {
  id: number;
  followerId: number;
  followeeId: number;
  createdAt: Date;
}
export type NewFollow = Omit<FollowRecord, 'id'>;

export interface TeamRecord {
  id: number;
  /** URL slug: lower-case letters, digits and hyphens, 3–32 characters; never changes. */
  slug: string;
  name: string;
  introduction: string;
  logoFileId: number | null;
  ownerId: number;
  /** Discord channel (snowflake) where the team's news is posted. */
  discordChannelId: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export type NewTeam = Pick<TeamRecord, 'slug' | 'name' | 'ownerId' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<TeamRecord, 'introduction' | 'logoFileId' | 'discordChannelId'>>;

export interface TeamMemberRecord {
  id: number;
  teamId: number;
  userId: number;
  joinedAt: Date;
}
export type NewTeamMember = Omit<TeamMemberRecord, 'id'>;

export const INVITATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type TeamInvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface TeamInvitationRecord {
  id: number;
  teamId: number;
  inviteeId: number;
  inviterId: number;
  comment: string;
  status: TeamInvitationStatus;
  createdAt: Date;
  decidedAt: Date | null;
}
export type NewTeamInvitation = Pick<
  TeamInvitationRecord,
  'teamId' | 'inviteeId' | 'inviterId' | 'comment' | 'createdAt'
> &
  Partial<Pick<TeamInvitationRecord, 'status' | 'decidedAt'>>;

/** 対応可能 / 仕事内容による / 現在忙しい. */
export const PROFILE_STATUSES = ['available', 'depends', 'busy'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** Weekly hours a worker can take on, as a band. */
export const WEEKLY_HOURS = ['under_10', '10_20', '20_30', '30_40', 'over_40'] as const;
export type WeeklyHours = (typeof WEEKLY_HOURS)[number];

/** 性別: 男性 / 女性 / その他 / 回答しない. */
export const GENDERS = ['male', 'female', 'other', 'no_answer'] as const;
export type Gender = (typeof GENDERS)[number];

export interface ProfileRecord {
  id: number;
  userId: number;
  /**
   * ユーザー名: letters, digits and `_`, 3–20, as typed; unique regardless of case. Set once and
   * never changed; null until set.
   */
  username: string | null;
  /** `username` lower-cased: what the one-name-per-person rule compares (unique). */
  usernameKey: string | null;
  nickname: string;
  introduction: string;
  status: ProfileStatus;
  weeklyHours: WeeklyHours | null;
  /** Integer yen per hour. */
  hourlyRateYen: number | null;
  prefecture: string | null;
  city: string | null;
  hobbies: string;
  /** 出身地 (free text: a prefecture, a city or a country). */
  hometown: string;
  /** 最終学歴・学校. */
  school: string;
  /** プロフィール画像: a file row (JPEG, PNG or WebP); null when none. */
  imageFileId: number | null;
  // Personal details: only the person and staff see them (profiles.ts), except what the person
  // chooses to show (the gender, the age band).
  /** 氏名. */
  fullName: string;
  /** ふりがな, in katakana or hiragana. */
  furigana: string;
  gender: Gender | null;
  /** Others see the gender only when this is on. */
  genderPublic: boolean;
  /** 生年月日, `YYYY-MM-DD`. */
  birthDate: string | null;
  /** Others see the age band (20代, 30代, …) only when this is on. */
  ageBandPublic: boolean;
  /** 郵便番号: seven digits. */
  postalCode: string | null;
  /** The address after the prefecture and the city (町名・番地・建物名). */
  addressLine: string;
  /** 電話番号: digits and hyphens. */
  phone: string;
  /**
   * When staff confirmed the person's identity (本人確認) / the signed NDA (機密保持確認). Only the
   * result and its date are kept: the documents themselves are never stored here.
   */
  identityVerifiedAt: Date | null;
  ndaVerifiedAt: Date | null;
  updatedAt: Date;
}
export type NewProfile = Pick<ProfileRecord, 'userId' | 'updatedAt'> &
  Partial<Omit<ProfileRecord, 'id' | 'userId' | 'updatedAt'>>;

export interface ProfileSkillRecord {
  id: number;
  userId: number;
  /** As the worker wrote it (after NFKC and trimming). */
  name: string;
  /** `name` lower-cased: what searches and the one-skill-per-name rule compare. */
  nameKey: string;
  /** Self-assessed, 1 (beginner) – 5 (expert). */
  level: number;
  years: number;
  note: string;
}
export type NewProfileSkill = Omit<ProfileSkillRecord, 'id'>;

export interface QualificationRecord {
  id: number;
  userId: number;
  name: string;
  /** `YYYY-MM`. */
  acquiredOn: string | null;
}
export type NewQualification = Omit<QualificationRecord, 'id'>;

export interface CareerEntryRecord {
  id: number;
  userId: number;
  /** The kind of work as the person names it (開発, デザイン, 事務, 翻訳, …); empty when not given. */
  category: string;
  /** `YYYY-MM`. */
  periodFrom: string;
  /** `YYYY-MM`; null = to the present. */
  periodTo: string | null;
  company: string;
  /** 業務内容. */
  work: string;
  /** An `http(s)://` page about the work (a product, a portfolio); empty when not given. */
  url: string;
  /** 役割. */
  role: string;
  /** 使用環境・ツール. */
  stack: string;
  teamSize: number | null;
  /** One file the person attached (a portfolio, a reference); null when none. */
  attachmentFileId: number | null;
}
export type NewCareerEntry = Omit<CareerEntryRecord, 'id'>;

/** Someone as a list shows them. */
export interface PersonRef {
  userId: number;
  displayName: string;
}

export interface ConversationSummary {
  conversation: ConversationRecord;
  /** Everyone in the conversation but the reader. */
  others: PersonRef[];
  /** The team it was opened with (チームに相談, docs/domain.md §3.8), when there is one. */
  teamName: string | null;
  lastMessage: MessageRecord | null;
  unread: number;
}

export interface FollowEntry extends PersonRef {
  followedAt: Date;
  /** They follow back (a friend). */
  mutual: boolean;
}

export const CONTACT_REASONS = ['completed_job', 'mutual_follow'] as const;
export type ContactReason = (typeof CONTACT_REASONS)[number];

export interface Contact extends PersonRef {
  reasons: ContactReason[];
  /** Approved applications between the two of you. */
  completedJobs: number;
}

export interface WorkerSearch {
  /** Case-insensitive exact skill name. */
  skill?: string;
  status?: ProfileStatus;
}

export interface WorkerSummary extends PersonRef {
  nickname: string | null;
  status: ProfileStatus | null;
  weeklyHours: WeeklyHours | null;
  hourlyRateYen: number | null;
  prefecture: string | null;
  identityVerified: boolean;
  ndaVerified: boolean;
  skills: Pick<ProfileSkillRecord, 'name' | 'level' | 'years'>[];
}
