CREATE TABLE "kernel_throttle" (
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "kernel_throttle_key_kind_day_pk" PRIMARY KEY("key","kind","day")
);
--> statement-breakpoint
ALTER TABLE "complaints_throttle" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "wbs_throttle" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "complaints_throttle" CASCADE;--> statement-breakpoint
DROP TABLE "wbs_throttle" CASCADE;--> statement-breakpoint
ALTER TABLE "wbs_reports" ADD COLUMN "receipt_mac" text;--> statement-breakpoint
CREATE INDEX "kernel_throttle_day_idx" ON "kernel_throttle" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "wbs_reports_receipt_mac_uq" ON "wbs_reports" USING btree ("receipt_mac");--> statement-breakpoint
ALTER TABLE "wbs_reports" DROP COLUMN "failed_checks";--> statement-breakpoint
ALTER TABLE "wbs_reports" DROP COLUMN "locked_until";