// The database thread's entry (thread-store.ts starts it). A worker thread does not inherit
// tsx's loader hooks on Node 20, so it loads the TypeScript itself, as scripts/serve.mjs does.
import { tsImport } from "tsx/esm/api";

await tsImport("./store-thread.ts", import.meta.url);
