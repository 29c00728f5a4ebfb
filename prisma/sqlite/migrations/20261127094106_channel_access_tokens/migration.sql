-- CreateTable
CREATE TABLE "ChannelAccessToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "ChannelAccessToken_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ChannelAccessToken_tokenHash_key" ON "ChannelAccessToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ChannelAccessToken_channelId_idx" ON "ChannelAccessToken"("channelId");

