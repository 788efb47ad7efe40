/**
 * Marketplace entities (docs/domain.md §3). Times are set by the domain from its injected clock, so they
 * have no `onUpdate` hook (it would overwrite the clock's value); the defaults only serve raw inserts.
 */
import { defineEntity, p } from '@mikro-orm/core';
import {
  GENDERS,
  INVITATION_STATUSES,
  PROFILE_STATUSES,
  WEEKLY_HOURS,
} from '../../src/domain/market/records.ts';
import { StoredFile } from './file.ts';
import { JobNotice } from './job-notice.ts';
import { User } from './user.ts';

const stamp = () =>
  p
    .datetime()
    .defaultRaw('now()')
    .onCreate(() => new Date());

export const ConversationSchema = defineEntity({
  name: 'Conversation',
  tableName: 'conversations',
  properties: {
    id: p.integer().primary().autoincrement(),
    jobId: () => p.manyToOne(JobNotice).mapToPk().fieldName('job_id').nullable().deleteRule('set null'),
    /** A conversation with a team (チームに相談): mirrored to the team's Discord channel as a thread. */
    teamId: () => p.manyToOne(Team).mapToPk().fieldName('team_id').nullable().deleteRule('set null').index(),
    directKey: p.string().length(64).nullable().unique(),
    createdAt: stamp(),
    lastMessageAt: p.datetime().nullable(),
  },
});
export class Conversation extends ConversationSchema.class {}
ConversationSchema.setClass(Conversation);

export const ConversationMemberSchema = defineEntity({
  name: 'ConversationMember',
  tableName: 'conversation_members',
  uniques: [{ properties: ['conversationId', 'userId'] }],
  indexes: [{ properties: ['userId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    conversationId: () =>
      p.manyToOne(Conversation).mapToPk().fieldName('conversation_id').deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    lastReadAt: p.datetime().nullable(),
  },
});
export class ConversationMember extends ConversationMemberSchema.class {}
ConversationMemberSchema.setClass(ConversationMember);

export const MessageSchema = defineEntity({
  name: 'Message',
  tableName: 'messages',
  indexes: [{ properties: ['conversationId', 'createdAt'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    conversationId: () =>
      p.manyToOne(Conversation).mapToPk().fieldName('conversation_id').deleteRule('cascade'),
    senderId: () => p.manyToOne(User).mapToPk().fieldName('sender_id').deleteRule('cascade'),
    body: p.text(),
    createdAt: stamp(),
  },
});
export class Message extends MessageSchema.class {}
MessageSchema.setClass(Message);

export const FollowSchema = defineEntity({
  name: 'Follow',
  tableName: 'follows',
  uniques: [{ properties: ['followerId', 'followeeId'] }],
  indexes: [{ properties: ['followeeId'] }],
  checks: [{ name: 'follows_not_self_check', expression: 'follower_id <> followee_id' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    followerId: () => p.manyToOne(User).mapToPk().fieldName('follower_id').deleteRule('cascade'),
    followeeId: () => p.manyToOne(User).mapToPk().fieldName('followee_id').deleteRule('cascade'),
    createdAt: stamp(),
  },
});
export class Follow extends FollowSchema.class {}
FollowSchema.setClass(Follow);

export const TeamSchema = defineEntity({
  name: 'Team',
  tableName: 'teams',
  indexes: [{ properties: ['ownerId'] }],
  checks: [{ name: 'teams_slug_check', expression: `slug ~ '^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$'` }],
  properties: {
    id: p.integer().primary().autoincrement(),
    slug: p.string().length(32).unique(),
    name: p.string().length(100),
    introduction: p.text().default(''),
    logoFileId: () =>
      p.manyToOne(StoredFile).mapToPk().fieldName('logo_file_id').nullable().deleteRule('set null'),
    ownerId: () => p.manyToOne(User).mapToPk().fieldName('owner_id').deleteRule('cascade'),
    discordChannelId: p.string().length(32).nullable(),
    createdAt: stamp(),
    updatedAt: stamp(),
  },
});
export class Team extends TeamSchema.class {}
TeamSchema.setClass(Team);

export const TeamMemberSchema = defineEntity({
  name: 'TeamMember',
  tableName: 'team_members',
  uniques: [{ properties: ['teamId', 'userId'] }],
  indexes: [{ properties: ['userId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    teamId: () => p.manyToOne(Team).mapToPk().fieldName('team_id').deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    joinedAt: stamp(),
  },
});
export class TeamMember extends TeamMemberSchema.class {}
TeamMemberSchema.setClass(TeamMember);

export const TeamInvitationSchema = defineEntity({
  name: 'TeamInvitation',
  tableName: 'team_invitations',
  indexes: [
    { properties: ['inviteeId', 'status'] },
    { properties: ['teamId'] },
    {
      name: 'team_invitations_one_pending',
      expression: `create unique index "team_invitations_one_pending" on "team_invitations" ("team_id", "invitee_id") where status = 'pending'`,
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    teamId: () => p.manyToOne(Team).mapToPk().fieldName('team_id').deleteRule('cascade'),
    inviteeId: () => p.manyToOne(User).mapToPk().fieldName('invitee_id').deleteRule('cascade'),
    inviterId: () => p.manyToOne(User).mapToPk().fieldName('inviter_id').deleteRule('cascade'),
    comment: p.text().default(''),
    status: p.enum(INVITATION_STATUSES).default('pending'),
    createdAt: stamp(),
    decidedAt: p.datetime().nullable(),
  },
});
export class TeamInvitation extends TeamInvitationSchema.class {}
TeamInvitationSchema.setClass(TeamInvitation);

export const ProfileSchema = defineEntity({
  name: 'Profile',
  tableName: 'profiles',
  indexes: [
    { properties: ['status'] },
    // ワーカーを探す walks each status newest first (a backward scan of this index).
    { properties: ['status', 'updatedAt', 'userId'] },
    { properties: ['imageFileId'] },
  ],
  checks: [
    { name: 'profiles_hourly_rate_yen_check', expression: 'hourly_rate_yen >= 0' },
    { name: 'profiles_username_check', expression: `username ~ '^[A-Za-z0-9_]{3,20}$'` },
    { name: 'profiles_username_key_check', expression: 'username_key = lower(username)' },
    { name: 'profiles_postal_code_check', expression: `postal_code ~ '^[0-9]{7}$'` },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').unique().deleteRule('cascade'),
    username: p.string().length(20).nullable(),
    // A user name is taken whatever its case (Taro_1 and taro_1 are one name): this is unique.
    usernameKey: p.string().length(20).nullable().unique(),
    nickname: p.string().length(50).default(''),
    introduction: p.text().default(''),
    status: p.enum(PROFILE_STATUSES).default('available'),
    weeklyHours: p.enum(WEEKLY_HOURS).nullable(),
    hourlyRateYen: p.integer().nullable(),
    prefecture: p.string().length(16).nullable(),
    city: p.string().length(100).nullable(),
    hobbies: p.text().default(''),
    hometown: p.string().length(100).default(''),
    school: p.string().length(200).default(''),
    imageFileId: () =>
      p.manyToOne(StoredFile).mapToPk().fieldName('image_file_id').nullable().deleteRule('set null'),
    fullName: p.string().length(100).default(''),
    furigana: p.string().length(100).default(''),
    gender: p.enum(GENDERS).nullable(),
    genderPublic: p.boolean().default(false),
    birthDate: p.date().nullable(),
    ageBandPublic: p.boolean().default(false),
    postalCode: p.string().length(7).nullable(),
    addressLine: p.string().length(200).default(''),
    phone: p.string().length(20).default(''),
    identityVerifiedAt: p.datetime().nullable(),
    ndaVerifiedAt: p.datetime().nullable(),
    updatedAt: stamp(),
  },
});
export class Profile extends ProfileSchema.class {}
ProfileSchema.setClass(Profile);

export const ProfileSkillSchema = defineEntity({
  name: 'ProfileSkill',
  tableName: 'profile_skills',
  uniques: [{ properties: ['userId', 'nameKey'] }],
  // Worker search goes from the skill to its users.
  indexes: [{ properties: ['nameKey', 'userId'] }],
  checks: [
    { name: 'profile_skills_level_check', expression: 'level >= 1 and level <= 5' },
    { name: 'profile_skills_years_check', expression: 'years >= 0' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    name: p.string().length(100),
    nameKey: p.string().length(100),
    level: p.integer(),
    years: p.integer().default(0),
    note: p.text().default(''),
  },
});
export class ProfileSkill extends ProfileSkillSchema.class {}
ProfileSkillSchema.setClass(ProfileSkill);

export const QualificationSchema = defineEntity({
  name: 'Qualification',
  tableName: 'qualifications',
  indexes: [{ properties: ['userId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    name: p.string().length(200),
    acquiredOn: p.string().length(7).nullable(),
  },
});
export class Qualification extends QualificationSchema.class {}
QualificationSchema.setClass(Qualification);

export const CareerEntrySchema = defineEntity({
  name: 'CareerEntry',
  tableName: 'career_entries',
  indexes: [{ properties: ['userId'] }, { properties: ['attachmentFileId'] }],
  checks: [
    { name: 'career_entries_team_size_check', expression: 'team_size >= 1' },
    { name: 'career_entries_url_check', expression: `url = '' or url ~* '^https?://'` },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    category: p.string().length(50).default(''),
    periodFrom: p.string().length(7),
    periodTo: p.string().length(7).nullable(),
    company: p.string().length(200).default(''),
    work: p.text().default(''),
    url: p.string().length(500).default(''),
    role: p.string().length(100).default(''),
    stack: p.text().default(''),
    teamSize: p.integer().nullable(),
    attachmentFileId: () =>
      p.manyToOne(StoredFile).mapToPk().fieldName('attachment_file_id').nullable().deleteRule('set null'),
  },
});
export class CareerEntry extends CareerEntrySchema.class {}
CareerEntrySchema.setClass(CareerEntry);

export const marketEntities = [
  Conversation,
  ConversationMember,
  Message,
  Follow,
  Team,
  TeamMember,
  TeamInvitation,
  Profile,
  ProfileSkill,
  Qualification,
  CareerEntry,
];
