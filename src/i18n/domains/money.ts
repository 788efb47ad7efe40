/** Messages of invoices, payment statements, bank accounts, notices and alert preferences. */
export const moneyJa = {} as const;

export const moneyEn = {} as const;
