/** Support desk entities (DOMAIN.md §2). Filled in by the support-desk work. */
export const supportEntities = [];
