-- CreateTable
CREATE TABLE "DeliveryRollupDay" (
    "channelId" TEXT NOT NULL,
    "dayStart" TIMESTAMP(3) NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DeliveryRollupDay_pkey" PRIMARY KEY ("channelId","dayStart","bucket")
);

-- CreateIndex
CREATE INDEX "DeliveryRollupDay_dayStart_idx" ON "DeliveryRollupDay"("dayStart");

-- AddForeignKey
ALTER TABLE "DeliveryRollupDay" ADD CONSTRAINT "DeliveryRollupDay_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Days from the hourly rows written before this table existed (UTC+9 days).
INSERT INTO "DeliveryRollupDay" ("channelId", "dayStart", "bucket", "count")
SELECT "channelId", date_trunc('day', "hourStart" + interval '9 hours') - interval '9 hours',
  "bucket", SUM("count")
FROM "DeliveryRollupHour"
GROUP BY 1, 2, 3;
