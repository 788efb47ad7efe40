/** Messages of the market commands. */
export const cmdMarketJa = {} as const;

export const cmdMarketEn = {} as const;
