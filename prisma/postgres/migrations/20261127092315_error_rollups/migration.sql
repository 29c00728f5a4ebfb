-- AlterTable
ALTER TABLE "DeliveryAttempt" ADD COLUMN     "counted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ErrorRollup" (
    "channelId" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ErrorRollup_pkey" PRIMARY KEY ("channelId","windowStart","reason","detail")
);

-- CreateTable
CREATE TABLE "ErrorRollupHour" (
    "channelId" TEXT NOT NULL,
    "hourStart" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "windowCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ErrorRollupHour_pkey" PRIMARY KEY ("channelId","hourStart","reason","detail")
);

-- AddForeignKey
ALTER TABLE "ErrorRollup" ADD CONSTRAINT "ErrorRollup_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErrorRollupHour" ADD CONSTRAINT "ErrorRollupHour_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

