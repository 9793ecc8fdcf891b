CREATE TABLE "gratification_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"channel" text NOT NULL,
	"reach" integer DEFAULT 0 NOT NULL,
	"url" text,
	"has_evidence" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gratification_custody" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"report_id" uuid,
	"receipt_number" text NOT NULL,
	"received_on" date NOT NULL,
	"description" text NOT NULL,
	"value_rp" bigint,
	"storage_location" text NOT NULL,
	"depositor_name" text NOT NULL,
	"released_on" date,
	"released_to" text,
	"release_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gratification_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"step" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text,
	"on" date NOT NULL,
	"account_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gratification_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"number" text NOT NULL,
	"person_id" uuid NOT NULL,
	"account_id" uuid,
	"kind" text NOT NULL,
	"giver_name" text NOT NULL,
	"giver_institution" text,
	"relationship" text NOT NULL,
	"occasion" text NOT NULL,
	"item_kind" text NOT NULL,
	"description" text NOT NULL,
	"value_rp" bigint NOT NULL,
	"received_on" date NOT NULL,
	"place" text NOT NULL,
	"chronology" text NOT NULL,
	"where_now" text NOT NULL,
	"claimed_category" text,
	"rules_version" text NOT NULL,
	"reported_on" date NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"file_sha" text,
	"file_name" text,
	"file_mime" text,
	"file_size" integer,
	"completion_requested_on" date,
	"completion_due_on" date,
	"completion_note" text,
	"completed_on" date,
	"verified_on" date,
	"analysis" jsonb,
	"analysed_on" date,
	"forwarded_on" date,
	"gol_number" text,
	"decision" text,
	"decision_note" text,
	"decision_on" date,
	"sk_number" text,
	"follow_up_kind" text,
	"follow_up_on" date,
	"follow_up_note" text,
	"proof_sha" text,
	"proof_name" text,
	"proof_mime" text,
	"proof_size" integer,
	"closed_on" date,
	"dismiss_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gratification_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"decree_number" text,
	"decree_date" date,
	"procedures_title" text,
	"procedures_number" text,
	"procedures_date" date,
	"head_person_id" uuid,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gratification_campaigns" ADD CONSTRAINT "gratification_campaigns_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_campaigns" ADD CONSTRAINT "gratification_campaigns_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_custody" ADD CONSTRAINT "gratification_custody_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_custody" ADD CONSTRAINT "gratification_custody_report_id_gratification_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."gratification_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_custody" ADD CONSTRAINT "gratification_custody_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_events" ADD CONSTRAINT "gratification_events_report_id_gratification_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."gratification_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_events" ADD CONSTRAINT "gratification_events_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_events" ADD CONSTRAINT "gratification_events_account_id_kernel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_reports" ADD CONSTRAINT "gratification_reports_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_reports" ADD CONSTRAINT "gratification_reports_person_id_org_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."org_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_reports" ADD CONSTRAINT "gratification_reports_account_id_kernel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_settings" ADD CONSTRAINT "gratification_settings_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_settings" ADD CONSTRAINT "gratification_settings_head_person_id_org_people_id_fk" FOREIGN KEY ("head_person_id") REFERENCES "public"."org_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gratification_settings" ADD CONSTRAINT "gratification_settings_updated_by_kernel_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gratification_campaigns_unit_idx" ON "gratification_campaigns" USING btree ("unit_id","held_on");--> statement-breakpoint
CREATE INDEX "gratification_custody_unit_idx" ON "gratification_custody" USING btree ("unit_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "gratification_custody_receipt_uq" ON "gratification_custody" USING btree ("unit_id","receipt_number");--> statement-breakpoint
CREATE INDEX "gratification_events_report_idx" ON "gratification_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "gratification_reports_unit_idx" ON "gratification_reports" USING btree ("unit_id","reported_on");--> statement-breakpoint
CREATE INDEX "gratification_reports_person_idx" ON "gratification_reports" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gratification_reports_number_uq" ON "gratification_reports" USING btree ("unit_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "gratification_settings_unit_uq" ON "gratification_settings" USING btree ("unit_id");