-- AlterTable: columns added in place (no copy of the table).
ALTER TABLE "Channel" ADD COLUMN "pauseAfterFailingMinutes" INTEGER;
ALTER TABLE "Channel" ADD COLUMN "pauseAfterFailedAttempts" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Channel" ADD COLUMN "pausedAt" DATETIME;
ALTER TABLE "Channel" ADD COLUMN "pausedBecause" TEXT;
ALTER TABLE "Channel" ADD COLUMN "resumedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Channel_pausedAt_idx" ON "Channel"("pausedAt");
