/** Marketplace tables and queries (DOMAIN.md §3). Filled in by the marketplace work. */
// biome-ignore lint/complexity/noBannedTypes: grows with the marketplace
export type MarketTables = {};
