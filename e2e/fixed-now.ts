/**
 * The instant every e2e run takes as "now", so the journeys see the same demo week whatever
 * the day they run. playwright.config.ts hands it to the server as SUNSHIFT_CLOCK_START (the
 * seed seeds at it, the server's clock starts from it) and e2e/fixtures.ts starts each
 * browser context's clock at it.
 *
 * Tuesday 24 November 2026, 10:00 in Dublin (the demo organisation's zone; 05:00 in New York,
 * 18:00 in Manila): a week with no DST change in any demo region, early enough that most of
 * the published week's shifts are still ahead to offer or swap, and six hours before the next
 * local midnight anywhere in the demo, so a long run stays on the same day.
 */
export const E2E_NOW = "2026-11-24T10:00:00Z";
