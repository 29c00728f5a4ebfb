-- CreateIndex
CREATE INDEX "ErrorRollup_windowStart_idx" ON "ErrorRollup"("windowStart");

-- CreateIndex
CREATE INDEX "ErrorRollupHour_hourStart_idx" ON "ErrorRollupHour"("hourStart");

