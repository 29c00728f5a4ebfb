-- CreateTable
CREATE TABLE "DeliveryRollupDay" (
    "channelId" TEXT NOT NULL,
    "dayStart" DATETIME NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("channelId", "dayStart", "bucket"),
    CONSTRAINT "DeliveryRollupDay_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DeliveryRollupDay_dayStart_idx" ON "DeliveryRollupDay"("dayStart");


-- Days from the hourly rows written before this table existed (UTC+9 days, in the text form the
-- client stores instants in).
INSERT INTO "DeliveryRollupDay" ("channelId", "dayStart", "bucket", "count")
SELECT "channelId",
  strftime('%Y-%m-%dT%H:%M:%f+00:00', "hourStart", '+9 hours', 'start of day', '-9 hours'),
  "bucket", SUM("count")
FROM "DeliveryRollupHour"
GROUP BY 1, 2, 3;
