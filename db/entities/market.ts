/** Marketplace entities (DOMAIN.md §3). Filled in by the marketplace work. */
export const marketEntities = [];
