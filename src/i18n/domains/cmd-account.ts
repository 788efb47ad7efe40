/** Messages of the account commands. */
export const cmdAccountJa = {} as const;

export const cmdAccountEn = {} as const;
