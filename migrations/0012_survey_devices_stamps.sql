CREATE TABLE "surveys_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "surveys_spent_stamps" (
	"signature" text PRIMARY KEY NOT NULL,
	"spent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "surveys_devices" ADD CONSTRAINT "surveys_devices_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_devices" ADD CONSTRAINT "surveys_devices_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_devices" ADD CONSTRAINT "surveys_devices_revoked_by_kernel_accounts_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "surveys_devices_unit_idx" ON "surveys_devices" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "surveys_spent_stamps_at_idx" ON "surveys_spent_stamps" USING btree ("spent_at");