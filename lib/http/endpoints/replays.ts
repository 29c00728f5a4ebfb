import type {
  cancelReplay,
  listReplays,
  previewReplay,
  startReplay,
} from "../../replay/replay-jobs";
import { endpoint, schema } from "../endpoint";
import { CHANNEL } from "./channels";
import type { Returned } from "./types";

const REPLAYS = `${CHANNEL}/replays`;

/** The channel's replay jobs, newest first, with their progress. */
export const listReplayJobs = endpoint<Returned<typeof listReplays>>()({
  method: "GET",
  path: REPLAYS,
  access: { channel: "read" },
});

/** The dry run: how many webhooks a replay of these filters would send, by state. */
export const previewReplayJob = endpoint<Returned<typeof previewReplay>>()({
  method: "POST",
  path: `${REPLAYS}/preview`,
  access: { channel: "configure" },
  body: schema(() => import("../../replay/replay-input"), "previewReplayInput"),
});

/** Starts a replay: 201 with the job; 409 when nothing matches or nothing can be sent. */
export const startReplayJob = endpoint<Returned<typeof startReplay>>()({
  method: "POST",
  path: REPLAYS,
  access: { channel: "configure" },
  body: schema(() => import("../../replay/replay-input"), "startReplayInput"),
});

/** Cancels a running replay; 409 once it has ended. */
export const cancelReplayJob = endpoint<Returned<typeof cancelReplay>>()({
  method: "POST",
  path: `${REPLAYS}/[replayId]/cancel`,
  access: { channel: "configure" },
});
