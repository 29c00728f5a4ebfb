-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "replayJobId" TEXT;

-- CreateTable
CREATE TABLE "ReplayJob" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "filter" TEXT NOT NULL,
    "includeDelivered" BOOLEAN NOT NULL DEFAULT false,
    "ratePerSecond" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "total" INTEGER NOT NULL,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "cursorAt" TIMESTAMP(3),
    "cursorId" TEXT,
    "claimToken" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ReplayJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReplayJob_status_idx" ON "ReplayJob"("status");

-- CreateIndex
CREATE INDEX "ReplayJob_channelId_id_idx" ON "ReplayJob"("channelId", "id");

-- CreateIndex
CREATE INDEX "Webhook_replayJobId_idx" ON "Webhook"("replayJobId");

-- AddForeignKey
ALTER TABLE "ReplayJob" ADD CONSTRAINT "ReplayJob_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

