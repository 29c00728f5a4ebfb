-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN "leaseUntil" DATETIME;

-- CreateIndex
CREATE INDEX "Webhook_channelId_status_idx" ON "Webhook"("channelId", "status");

