-- DropIndex
DROP INDEX "Channel_providerId_idx";

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "alertTypes" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'line';

-- CreateIndex
CREATE INDEX "Channel_providerId_kind_idx" ON "Channel"("providerId", "kind");

