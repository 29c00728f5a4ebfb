import { z } from "zod";
import { webhookUrlInput } from "../channels/channel-input";

/** Body of a verification: optionally another endpoint than the channel's webhook URL. */
export const verifyInput = z.strictObject({ endpoint: webhookUrlInput.optional() });
