-- Operational webhooks (ADR 33): a channel's kind and an operational webhook's alert types.
-- Added in place: Prisma would redefine the table, copying every channel.
ALTER TABLE "Channel" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'line';
ALTER TABLE "Channel" ADD COLUMN "alertTypes" TEXT;

DROP INDEX "Channel_providerId_idx";
CREATE INDEX "Channel_providerId_kind_idx" ON "Channel"("providerId", "kind");
