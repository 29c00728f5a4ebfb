-- CreateTable
CREATE TABLE "ChannelAccessToken" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ChannelAccessToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChannelAccessToken_tokenHash_key" ON "ChannelAccessToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ChannelAccessToken_channelId_idx" ON "ChannelAccessToken"("channelId");

-- AddForeignKey
ALTER TABLE "ChannelAccessToken" ADD CONSTRAINT "ChannelAccessToken_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

