CREATE TABLE "wbs_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"message_seq" integer,
	"meta_enc" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wbs_disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"requested_by" uuid,
	"reason_enc" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wbs_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"findings" text NOT NULL,
	"follow_up" text,
	"followed_up" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wbs_exclusions" (
	"report_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"excluded_by" uuid,
	"excluded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wbs_exclusions_report_id_account_id_pk" PRIMARY KEY("report_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "wbs_handler_keys" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wbs_messages" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"author" text NOT NULL,
	"author_account_id" uuid,
	"state" text,
	"body_enc" text,
	"on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wbs_report_keys" (
	"report_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"wrapped_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wbs_report_keys_report_id_account_id_pk" PRIMARY KEY("report_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "wbs_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid,
	"lookup" text,
	"receipt_hash" text,
	"receipt_salt" text,
	"reporter_wrapped_key" text,
	"recovery_wrapped_key" text,
	"content_enc" text,
	"identity_enc" text,
	"has_identity" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"submitted_on" date NOT NULL,
	"closed_on" date,
	"purge_after" date,
	"purged_on" date,
	"failed_checks" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wbs_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"recovery_public_key" text NOT NULL,
	"recovery_fingerprint" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wbs_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wbs_attachments" ADD CONSTRAINT "wbs_attachments_report_id_wbs_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."wbs_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_disclosures" ADD CONSTRAINT "wbs_disclosures_report_id_wbs_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."wbs_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_disclosures" ADD CONSTRAINT "wbs_disclosures_requested_by_kernel_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_disclosures" ADD CONSTRAINT "wbs_disclosures_approved_by_kernel_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_evaluations" ADD CONSTRAINT "wbs_evaluations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_evaluations" ADD CONSTRAINT "wbs_evaluations_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_exclusions" ADD CONSTRAINT "wbs_exclusions_report_id_wbs_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."wbs_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_exclusions" ADD CONSTRAINT "wbs_exclusions_account_id_kernel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_exclusions" ADD CONSTRAINT "wbs_exclusions_excluded_by_kernel_accounts_id_fk" FOREIGN KEY ("excluded_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_handler_keys" ADD CONSTRAINT "wbs_handler_keys_account_id_kernel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_messages" ADD CONSTRAINT "wbs_messages_report_id_wbs_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."wbs_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_messages" ADD CONSTRAINT "wbs_messages_author_account_id_kernel_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_report_keys" ADD CONSTRAINT "wbs_report_keys_report_id_wbs_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."wbs_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_report_keys" ADD CONSTRAINT "wbs_report_keys_account_id_kernel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_reports" ADD CONSTRAINT "wbs_reports_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wbs_settings" ADD CONSTRAINT "wbs_settings_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wbs_attachments_report_idx" ON "wbs_attachments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "wbs_disclosures_report_idx" ON "wbs_disclosures" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "wbs_evaluations_unit_idx" ON "wbs_evaluations" USING btree ("unit_id","held_on");--> statement-breakpoint
CREATE INDEX "wbs_messages_report_idx" ON "wbs_messages" USING btree ("report_id","seq");--> statement-breakpoint
CREATE INDEX "wbs_report_keys_account_idx" ON "wbs_report_keys" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wbs_reports_lookup_uq" ON "wbs_reports" USING btree ("lookup");--> statement-breakpoint
CREATE INDEX "wbs_reports_unit_idx" ON "wbs_reports" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "wbs_reports_state_idx" ON "wbs_reports" USING btree ("state");