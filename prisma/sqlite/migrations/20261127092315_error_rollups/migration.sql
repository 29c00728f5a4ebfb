-- CreateTable
CREATE TABLE "ErrorRollup" (
    "channelId" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,

    PRIMARY KEY ("channelId", "windowStart", "reason", "detail"),
    CONSTRAINT "ErrorRollup_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ErrorRollupHour" (
    "channelId" TEXT NOT NULL,
    "hourStart" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "windowCount" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("channelId", "hourStart", "reason", "detail"),
    CONSTRAINT "ErrorRollupHour_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DeliveryAttempt" (
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
    "counted" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "DeliveryAttempt_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DeliveryAttempt" ("attemptNumber", "attemptedAt", "channelId", "detail", "error", "eventIds", "id", "isRedelivery", "latencyMs", "protocol", "reason", "statusCode", "success", "url", "webhookId") SELECT "attemptNumber", "attemptedAt", "channelId", "detail", "error", "eventIds", "id", "isRedelivery", "latencyMs", "protocol", "reason", "statusCode", "success", "url", "webhookId" FROM "DeliveryAttempt";
DROP TABLE "DeliveryAttempt";
ALTER TABLE "new_DeliveryAttempt" RENAME TO "DeliveryAttempt";
CREATE INDEX "DeliveryAttempt_channelId_id_idx" ON "DeliveryAttempt"("channelId", "id");
CREATE INDEX "DeliveryAttempt_webhookId_idx" ON "DeliveryAttempt"("webhookId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

