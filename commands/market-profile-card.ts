/**
 * What a profile card shows of the personal details: the gender and the age band as others see them
 * (only when the person shows them), and the card of personal details only the person and staff see.
 */
import type { CommandContext } from '../src/chat/command.ts';
import type { CardBlock, Field as CardField } from '../src/chat/types.ts';
import { ageOn, calendarDate, postalCodeText } from '../src/domain/market/profile-fields.ts';
import type { ProfileView } from '../src/domain/market/profiles.ts';
import type { Gender } from '../src/domain/market/records.ts';
import type { Translator } from '../src/i18n/index.ts';

export const ageBandText = (t: Translator, decade: number) =>
  decade === 0 ? t('profile.age_band_under_ten') : t('profile.age_band', { decade });

/** The gender and the age band as anyone else sees them (the person and staff see them anyway). */
export function shownToOthers(view: ProfileView): { gender: Gender | null; ageBand: number | null } {
  const p = view.personal;
  if (p === null) return { gender: view.gender, ageBand: view.ageBand };
  return {
    gender: p.genderPublic && view.gender !== 'no_answer' ? view.gender : null,
    ageBand: p.ageBandPublic ? view.ageBand : null,
  };
}

/** The personal details as a card of their own, for the person and staff (null for anyone else). */
export function personalCard(ctx: CommandContext, view: ProfileView): CardBlock | null {
  const { t } = ctx;
  const p = view.personal;
  if (p === null) return null;
  const notSet = t('market.not_set');
  const or = (value: string | null | undefined) => (value ? value : notSet);
  const visibility = (value: string, shown: boolean) =>
    t(shown ? 'profile.value_public' : 'profile.value_private', { value });
  let birth = notSet;
  if (p.birthDate) {
    // A calendar date, no instant: read and written in UTC so no time zone moves it.
    const date = new Intl.DateTimeFormat(ctx.locale === 'ja' ? 'ja-JP' : 'en-GB', {
      year: 'numeric',
      month: ctx.locale === 'ja' ? 'long' : 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${p.birthDate}T00:00:00Z`));
    const today = calendarDate(ctx.services.clock(), ctx.services.config.businessTimeZone);
    birth = t('profile.birth_date_value', { date, age: ageOn(p.birthDate, today) });
  }
  const address = [view.profile?.prefecture, view.profile?.city, p.addressLine].filter(Boolean).join(' ');
  const fields: CardField[] = [
    { label: t('profile.field.full_name'), value: or(p.fullName) },
    { label: t('profile.field.furigana'), value: or(p.furigana) },
    {
      label: t('profile.field.gender'),
      value: p.gender
        ? visibility(t(`profile.gender.${p.gender}`), p.genderPublic && p.gender !== 'no_answer')
        : notSet,
    },
    { label: t('profile.field.birth_date'), value: birth },
    {
      label: t('profile.field.age_band'),
      value: view.ageBand === null ? notSet : visibility(ageBandText(t, view.ageBand), p.ageBandPublic),
    },
    { label: t('profile.field.postal_code'), value: p.postalCode ? postalCodeText(p.postalCode) : notSet },
    { label: t('profile.field.address'), value: or(address) },
    { label: t('profile.field.phone'), value: or(p.phone) },
  ];
  return { type: 'card', title: t('profile.personal.title'), fields };
}
