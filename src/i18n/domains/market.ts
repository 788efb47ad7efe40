/** Messages of the market domain. */
export const marketJa = {} as const;

export const marketEn = {} as const;
