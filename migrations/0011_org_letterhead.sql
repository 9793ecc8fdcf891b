ALTER TABLE "org_regencies" ADD COLUMN "logo_sha256" text;--> statement-breakpoint
ALTER TABLE "org_regencies" ADD COLUMN "logo_mime" text;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "fax" text;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "sms" text;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "logo_sha256" text;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "logo_mime" text;