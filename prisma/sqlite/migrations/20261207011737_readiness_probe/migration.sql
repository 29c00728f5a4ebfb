-- CreateTable
CREATE TABLE "ReadinessProbe" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "payload" BLOB NOT NULL,
    "checkedAt" DATETIME NOT NULL
);

