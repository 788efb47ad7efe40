/** Messages of the work commands. */
export const cmdWorkJa = {} as const;

export const cmdWorkEn = {} as const;
