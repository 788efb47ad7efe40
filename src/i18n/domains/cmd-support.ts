/** Messages of the support commands. */
export const cmdSupportJa = {} as const;

export const cmdSupportEn = {} as const;
