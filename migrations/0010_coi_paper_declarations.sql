ALTER TABLE "coi_declarations" ADD COLUMN "channel" text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD COLUMN "scan_sha" text;--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD COLUMN "scan_name" text;--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD COLUMN "scan_mime" text;--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD COLUMN "scan_size" integer;