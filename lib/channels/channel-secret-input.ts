import { z } from "zod";
import { instantInput } from "../shared/instant-input";

/**
 * Body of a channel secret reissue (optional): `switchAt`, when the new secret takes over (an ISO
 * 8601 instant; absent or past: at once). Until then webhooks are signed with the current one.
 */
export const reissueChannelSecretInput = z.strictObject({ switchAt: instantInput.optional() });
