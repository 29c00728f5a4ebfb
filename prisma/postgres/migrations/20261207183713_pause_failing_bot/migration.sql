-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "pauseAfterFailedAttempts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "pauseAfterFailingMinutes" INTEGER,
ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "pausedBecause" TEXT,
ADD COLUMN     "resumedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Channel_pausedAt_idx" ON "Channel"("pausedAt");

