/** Messages of the work domain. */
export const workJa = {} as const;

export const workEn = {} as const;
