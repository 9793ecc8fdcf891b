ALTER TABLE "kernel_login_throttle" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "surveys_throttle" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "kernel_login_throttle" CASCADE;--> statement-breakpoint
DROP TABLE "surveys_throttle" CASCADE;--> statement-breakpoint
ALTER TABLE "kernel_throttle" DROP CONSTRAINT "kernel_throttle_key_kind_day_pk";--> statement-breakpoint
ALTER TABLE "kernel_throttle" ALTER COLUMN "day" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "kernel_throttle" ADD COLUMN "window_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kernel_throttle" ADD COLUMN "blocked_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "kernel_throttle_window_idx" ON "kernel_throttle" USING btree ("window_start");--> statement-breakpoint
ALTER TABLE "kernel_throttle" ADD CONSTRAINT "kernel_throttle_bucket_uq" UNIQUE NULLS NOT DISTINCT("key","kind","day");--> statement-breakpoint
ALTER TABLE "kernel_throttle" ADD CONSTRAINT "kernel_throttle_day_or_window_ck" CHECK (("kernel_throttle"."day" is null) <> ("kernel_throttle"."window_start" is null));