// Every endpoint the console serves, for what must know them all: the request gate (unknown
// paths and methods) and the test that holds app/'s route files to them. Route files and the
// browser import the one they serve or call from its area's module.
import type { Endpoint } from "../endpoint";
import * as account from "./account";
import * as auth from "./auth";
import * as channels from "./channels";
import * as deliveries from "./deliveries";
import * as health from "./health";
import * as invitations from "./invitations";
import * as line from "./line";
import * as metrics from "./metrics";
import * as providers from "./providers";
import * as replays from "./replays";
import * as statistics from "./statistics";

const isEndpoint = (value: unknown): value is Endpoint =>
  typeof value === "object" && value !== null && "method" in value && "path" in value;

export const ENDPOINTS: readonly Endpoint[] = [
  account,
  auth,
  channels,
  deliveries,
  health,
  invitations,
  line,
  metrics,
  providers,
  replays,
  statistics,
].flatMap((area) => Object.values(area).flat().filter(isEndpoint));
