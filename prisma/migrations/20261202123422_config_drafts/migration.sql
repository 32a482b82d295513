-- CreateTable
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "clusterId" TEXT,
    "clusterName" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "baseEpoch" TEXT NOT NULL,
    "baseXml" TEXT NOT NULL,
    "edits" TEXT NOT NULL DEFAULT '[]',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "auditId" TEXT,
    CONSTRAINT "Draft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Draft_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Draft_userId_clusterName_state_idx" ON "Draft"("userId", "clusterName", "state");

-- CreateIndex
CREATE INDEX "Draft_clusterName_state_idx" ON "Draft"("clusterName", "state");
