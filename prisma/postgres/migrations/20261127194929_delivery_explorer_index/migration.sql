-- CreateIndex
CREATE INDEX "DeliveryAttempt_channelId_reason_detail_id_idx" ON "DeliveryAttempt"("channelId", "reason", "detail", "id");

