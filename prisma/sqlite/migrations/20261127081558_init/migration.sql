-- CreateTable
CREATE TABLE "Provider" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "providerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "channelSecret" TEXT NOT NULL,
    "botUserId" TEXT NOT NULL,
    "webhookUrl" TEXT,
    "useWebhook" BOOLEAN NOT NULL DEFAULT false,
    "webhookRedelivery" BOOLEAN NOT NULL DEFAULT false,
    "errorStatisticsAggregation" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Channel_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Channel_botUserId_key" ON "Channel"("botUserId");

-- CreateIndex
CREATE INDEX "Channel_providerId_idx" ON "Channel"("providerId");

