import { z } from "zod";

/** The longest an earlier token may keep working after a reissue: 24 hours, as on LINE's console. */
export const MAX_OLD_TOKEN_MINUTES = 24 * 60;

/**
 * Body of an issue or reissue (optional): how many minutes the channel's earlier tokens keep
 * working, so that a running bot can move to the new one without an outage. 0 (the default):
 * they stop at once.
 */
export const issueAccessTokenInput = z.strictObject({
  oldTokenValidMinutes: z.number().int().min(0).max(MAX_OLD_TOKEN_MINUTES).optional(),
});
export type IssueAccessTokenInput = z.infer<typeof issueAccessTokenInput>;
