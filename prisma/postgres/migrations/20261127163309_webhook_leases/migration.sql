-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "leaseUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Webhook_channelId_status_idx" ON "Webhook"("channelId", "status");

