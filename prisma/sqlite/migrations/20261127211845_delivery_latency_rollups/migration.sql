-- CreateTable
CREATE TABLE "DeliveryRollup" (
    "channelId" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("channelId", "windowStart", "bucket"),
    CONSTRAINT "DeliveryRollup_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeliveryRollupHour" (
    "channelId" TEXT NOT NULL,
    "hourStart" DATETIME NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("channelId", "hourStart", "bucket"),
    CONSTRAINT "DeliveryRollupHour_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DeliveryRollup_windowStart_idx" ON "DeliveryRollup"("windowStart");

-- CreateIndex
CREATE INDEX "DeliveryRollupHour_hourStart_idx" ON "DeliveryRollupHour"("hourStart");

