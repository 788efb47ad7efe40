/** Time is injected everywhere a rule depends on it (link-code expiry, pay dates, quiet hours). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
