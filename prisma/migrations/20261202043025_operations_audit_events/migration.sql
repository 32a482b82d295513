-- AlterTable
ALTER TABLE "User" ADD COLUMN "aclTarget" TEXT;

-- CreateTable
CREATE TABLE "AuditTerm" (
    "term" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "time" DATETIME NOT NULL,

    PRIMARY KEY ("term", "eventId"),
    CONSTRAINT "AuditTerm_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AuditEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClusterEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "time" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clusterId" TEXT,
    "clusterName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "message" TEXT NOT NULL DEFAULT '',
    "details" TEXT NOT NULL DEFAULT '{}',
    "statusEpoch" TEXT NOT NULL,
    CONSTRAINT "ClusterEvent_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "time" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "username" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL DEFAULT '',
    "target" TEXT NOT NULL DEFAULT '',
    "params" TEXT NOT NULL DEFAULT '{}',
    "commands" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "clusterId" TEXT,
    "clusterName" TEXT NOT NULL DEFAULT '',
    "epochBefore" TEXT,
    "epochAfter" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "durationMs" INTEGER,
    CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEvent_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditEvent" ("action", "clusterId", "epochAfter", "epochBefore", "id", "message", "params", "role", "status", "summary", "target", "time", "userId", "username") SELECT "action", "clusterId", "epochAfter", "epochBefore", "id", "message", "params", "role", "status", "summary", "target", "time", "userId", "username" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_time_idx" ON "AuditEvent"("time");
CREATE INDEX "AuditEvent_status_time_idx" ON "AuditEvent"("status", "time");
CREATE INDEX "AuditEvent_clusterId_idx" ON "AuditEvent"("clusterId");
CREATE INDEX "AuditEvent_clusterName_time_idx" ON "AuditEvent"("clusterName", "time");
CREATE INDEX "AuditEvent_username_time_idx" ON "AuditEvent"("username", "time");
CREATE INDEX "AuditEvent_action_time_idx" ON "AuditEvent"("action", "time");
CREATE INDEX "AuditEvent_targetKind_target_time_idx" ON "AuditEvent"("targetKind", "target", "time");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AuditTerm_term_time_idx" ON "AuditTerm"("term", "time");

-- CreateIndex
CREATE INDEX "AuditTerm_eventId_idx" ON "AuditTerm"("eventId");

-- CreateIndex
CREATE INDEX "ClusterEvent_clusterName_time_idx" ON "ClusterEvent"("clusterName", "time");

-- CreateIndex
CREATE INDEX "ClusterEvent_time_idx" ON "ClusterEvent"("time");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterEvent_clusterName_kind_subject_statusEpoch_key" ON "ClusterEvent"("clusterName", "kind", "subject", "statusEpoch");

-- Rows written before clusterName existed name their cluster through clusterId only.
UPDATE "AuditEvent" SET "clusterName" = (SELECT "name" FROM "Cluster" WHERE "Cluster"."id" = "AuditEvent"."clusterId") WHERE "clusterId" IS NOT NULL;
