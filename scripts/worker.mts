// npm run worker: a dispatcher-only process (no HTTP server) on DATABASE_URL, beside a console
// started with WEBHOOK_DISPATCHER=off; run as many as the bots need (PostgreSQL). SIGTERM stops it
// cleanly: no more claims, what is in flight finished or left to its lease, exit 0.
import { bootWorker } from "../lib/boot/boot-worker";

await bootWorker();
