/**
 * プロフィール画像 登録 as a one-step flow (the picture, checked as it arrives).
 */
import { type FlowAnswers, type FlowDefinition, label } from '../../src/chat/flow.ts';
import { IMAGE_MAX_MB } from '../../src/domain/market/profile-fields.ts';
import { UserError } from '../../src/errors.ts';
import type { UploadedFile } from '../../src/files/storage.ts';
import { PROFILE_IMAGE_FLOW, profileReply } from '../market-profiles.ts';

const imageOf = (answers: FlowAnswers) => (answers.image as UploadedFile[] | undefined)?.[0];

/**
 * プロフィール画像 登録: asks for the picture, for platforms where a message cannot carry both the
 * command and an image (LINE). One image; a refused one is not kept and the question is asked again.
 */
export const profileImageFlow: FlowDefinition = {
  id: PROFILE_IMAGE_FLOW,
  fields: [
    {
      name: 'image',
      prompt: 'profile.image.ask',
      promptParams: async () => ({ max: String(IMAGE_MAX_MB) }),
      type: 'files',
      maxFiles: 1,
      async check(value, ctx) {
        const [image] = value as UploadedFile[];
        if (!image) throw new UserError('flow.files_expected');
        await ctx.services.domain.profiles.checkImage(ctx.actor, image);
      },
    },
  ],
  summary: async (ctx, answers) => [label(ctx, 'profile.field.image', imageOf(answers)?.name ?? '')],
  async submit(ctx, answers) {
    const image = imageOf(answers);
    if (!image) throw new UserError('flow.files_expected');
    await ctx.services.domain.profiles.setImage(ctx.actor, image);
    return profileReply(
      ctx,
      await ctx.services.domain.profiles.get(ctx.actor, ctx.actor.userId),
      ctx.t('profile.image.set'),
    );
  },
};
