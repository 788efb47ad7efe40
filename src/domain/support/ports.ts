/** Support desk tables and queries (DOMAIN.md §2). Filled in by the support-desk work. */
// biome-ignore lint/complexity/noBannedTypes: grows with the support desk
export type SupportTables = {};
