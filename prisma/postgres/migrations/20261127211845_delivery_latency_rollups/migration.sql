-- CreateTable
CREATE TABLE "DeliveryRollup" (
    "channelId" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DeliveryRollup_pkey" PRIMARY KEY ("channelId","windowStart","bucket")
);

-- CreateTable
CREATE TABLE "DeliveryRollupHour" (
    "channelId" TEXT NOT NULL,
    "hourStart" TIMESTAMP(3) NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DeliveryRollupHour_pkey" PRIMARY KEY ("channelId","hourStart","bucket")
);

-- CreateIndex
CREATE INDEX "DeliveryRollup_windowStart_idx" ON "DeliveryRollup"("windowStart");

-- CreateIndex
CREATE INDEX "DeliveryRollupHour_hourStart_idx" ON "DeliveryRollupHour"("hourStart");

-- AddForeignKey
ALTER TABLE "DeliveryRollup" ADD CONSTRAINT "DeliveryRollup_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryRollupHour" ADD CONSTRAINT "DeliveryRollupHour_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

