-- CreateTable
CREATE TABLE "WebhookEvent" (
    "webhookEventId" TEXT NOT NULL PRIMARY KEY,
    "webhookId" TEXT NOT NULL,
    CONSTRAINT "WebhookEvent_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "WebhookEvent_webhookId_idx" ON "WebhookEvent"("webhookId");


-- The webhooks stored before this migration: their events' ids, from the JSON they keep.
INSERT INTO "WebhookEvent" ("webhookEventId", "webhookId")
SELECT json_extract("event"."value", '$.webhookEventId'), "Webhook"."id"
FROM "Webhook", json_each("Webhook"."events") AS "event"
WHERE json_extract("event"."value", '$.webhookEventId') IS NOT NULL;
