/**
 * The chat apps a person reaches the product from (docs/architecture.md §1): each identity of a user
 * is on one of them, and notifications go to one of them.
 */
export const PLATFORMS = ['console', 'slack', 'discord', 'line'] as const;
export type Platform = (typeof PLATFORMS)[number];
