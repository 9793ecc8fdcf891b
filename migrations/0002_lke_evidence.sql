CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"original_name" text NOT NULL,
	"title" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_key" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"url" text,
	"title" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_answers" (
	"worksheet_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"layer" text NOT NULL,
	"answer" jsonb,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_answers_worksheet_id_item_code_layer_pk" PRIMARY KEY("worksheet_id","item_code","layer")
);
--> statement-breakpoint
CREATE TABLE "assessment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worksheet_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_worksheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"ruleset_id" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prerequisites" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"conclusion" text,
	"conclusion_note" text,
	"return_note" text,
	"cloned_from" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"evaluated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_kernel_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_worksheet_id_assessment_worksheets_id_fk" FOREIGN KEY ("worksheet_id") REFERENCES "public"."assessment_worksheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_updated_by_kernel_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_events" ADD CONSTRAINT "assessment_events_worksheet_id_assessment_worksheets_id_fk" FOREIGN KEY ("worksheet_id") REFERENCES "public"."assessment_worksheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_events" ADD CONSTRAINT "assessment_events_actor_id_kernel_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_worksheets" ADD CONSTRAINT "assessment_worksheets_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_worksheets" ADD CONSTRAINT "assessment_worksheets_cloned_from_assessment_worksheets_id_fk" FOREIGN KEY ("cloned_from") REFERENCES "public"."assessment_worksheets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_worksheets" ADD CONSTRAINT "assessment_worksheets_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_unit_idx" ON "evidence_files" USING btree ("unit_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "evidence_files_sha_idx" ON "evidence_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "evidence_links_subject_idx" ON "evidence_links" USING btree ("subject_type","subject_id","subject_key");--> statement-breakpoint
CREATE INDEX "evidence_links_file_idx" ON "evidence_links" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "evidence_links_unit_idx" ON "evidence_links" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "assessment_events_worksheet_idx" ON "assessment_events" USING btree ("worksheet_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_worksheets_unit_year_uq" ON "assessment_worksheets" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "assessment_worksheets_state_idx" ON "assessment_worksheets" USING btree ("state");