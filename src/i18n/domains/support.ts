/** Messages of the support domain. */
export const supportJa = {} as const;

export const supportEn = {} as const;
