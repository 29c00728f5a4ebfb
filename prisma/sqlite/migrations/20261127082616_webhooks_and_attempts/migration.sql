-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attemptCount" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimToken" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Webhook_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "webhookId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "attemptedAt" DATETIME NOT NULL,
    "url" TEXT NOT NULL,
    "eventIds" TEXT NOT NULL,
    "attemptNumber" INTEGER NOT NULL,
    "isRedelivery" BOOLEAN NOT NULL,
    "success" BOOLEAN NOT NULL,
    "reason" TEXT,
    "detail" TEXT,
    "statusCode" INTEGER NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "protocol" TEXT,
    "error" TEXT,
    CONSTRAINT "DeliveryAttempt_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Webhook_status_nextAttemptAt_idx" ON "Webhook"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Webhook_channelId_createdAt_idx" ON "Webhook"("channelId", "createdAt");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_channelId_id_idx" ON "DeliveryAttempt"("channelId", "id");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_webhookId_idx" ON "DeliveryAttempt"("webhookId");

