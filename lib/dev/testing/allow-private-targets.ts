// Every bot a test sends to (fault-lab servers, demo bots, the SDK bots) listens on 127.0.0.1,
// which the sender refuses by default (lib/dispatch/send/target-address.ts, ADR 11). A test that sends
// to one opts in by spreading this into the settings it builds, so the allowance shows where it
// is used, and a test that leaves it out gets the guard as a production server has it. Setting
// the variable in process.env for every test process instead would hide that default from all.
export const ALLOW_PRIVATE_TARGETS = { WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" } as const;
