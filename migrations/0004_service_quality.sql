CREATE TABLE "services_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"service_id" uuid,
	"held_on" date NOT NULL,
	"place" text,
	"topic" text NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inputs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services_maklumat" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"signer_person_id" uuid,
	"signer_snapshot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"signed_on" date,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resulting_standard_id" uuid,
	"conclusion" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services_sop_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sop_id" uuid NOT NULL,
	"evaluated_on" date NOT NULL,
	"result" text NOT NULL,
	"follow_up" text DEFAULT 'none' NOT NULL,
	"follow_up_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services_sops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"service_id" uuid,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"effective_on" date,
	"owner_person_id" uuid,
	"activity" text,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"superseded_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"components" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decree_number" text,
	"decree_date" date,
	"effective_from" date,
	"published_at" timestamp with time zone,
	"change_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_followups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"item" text,
	"action" text NOT NULL,
	"target_date" date,
	"responsible" text,
	"realisation" text,
	"done" boolean DEFAULT false NOT NULL,
	"done_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"instrument" text NOT NULL,
	"year" integer NOT NULL,
	"period_type" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"population" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"published_at" timestamp with time zone,
	"require_code" boolean DEFAULT false NOT NULL,
	"analysis" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_responses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"service_id" uuid,
	"answers" smallint[] NOT NULL,
	"profile" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"suggestion" text,
	"channel" text DEFAULT 'online' NOT NULL,
	"dedup_key" text,
	"code_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entered_by" uuid
);
--> statement-breakpoint
CREATE TABLE "surveys_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "services_consultations" ADD CONSTRAINT "services_consultations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_consultations" ADD CONSTRAINT "services_consultations_service_id_services_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services_services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_consultations" ADD CONSTRAINT "services_consultations_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_maklumat" ADD CONSTRAINT "services_maklumat_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_maklumat" ADD CONSTRAINT "services_maklumat_signer_person_id_org_people_id_fk" FOREIGN KEY ("signer_person_id") REFERENCES "public"."org_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_maklumat" ADD CONSTRAINT "services_maklumat_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_reviews" ADD CONSTRAINT "services_reviews_service_id_services_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_reviews" ADD CONSTRAINT "services_reviews_resulting_standard_id_services_standards_id_fk" FOREIGN KEY ("resulting_standard_id") REFERENCES "public"."services_standards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_reviews" ADD CONSTRAINT "services_reviews_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_services" ADD CONSTRAINT "services_services_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_services" ADD CONSTRAINT "services_services_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_sop_evaluations" ADD CONSTRAINT "services_sop_evaluations_sop_id_services_sops_id_fk" FOREIGN KEY ("sop_id") REFERENCES "public"."services_sops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_sop_evaluations" ADD CONSTRAINT "services_sop_evaluations_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_sops" ADD CONSTRAINT "services_sops_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_sops" ADD CONSTRAINT "services_sops_service_id_services_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services_services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_sops" ADD CONSTRAINT "services_sops_owner_person_id_org_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."org_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_sops" ADD CONSTRAINT "services_sops_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_standards" ADD CONSTRAINT "services_standards_service_id_services_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_standards" ADD CONSTRAINT "services_standards_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_codes" ADD CONSTRAINT "surveys_codes_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_codes" ADD CONSTRAINT "surveys_codes_period_id_surveys_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."surveys_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_followups" ADD CONSTRAINT "surveys_followups_period_id_surveys_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."surveys_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_followups" ADD CONSTRAINT "surveys_followups_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_periods" ADD CONSTRAINT "surveys_periods_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_periods" ADD CONSTRAINT "surveys_periods_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_responses" ADD CONSTRAINT "surveys_responses_period_id_surveys_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."surveys_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_responses" ADD CONSTRAINT "surveys_responses_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_responses" ADD CONSTRAINT "surveys_responses_entered_by_kernel_accounts_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "services_consultations_unit_idx" ON "services_consultations" USING btree ("unit_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "services_maklumat_version_uq" ON "services_maklumat" USING btree ("unit_id","version");--> statement-breakpoint
CREATE INDEX "services_reviews_service_idx" ON "services_reviews" USING btree ("service_id","reviewed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "services_services_unit_code_uq" ON "services_services" USING btree ("unit_id",lower("code"));--> statement-breakpoint
CREATE INDEX "services_sop_evaluations_sop_idx" ON "services_sop_evaluations" USING btree ("sop_id","evaluated_on");--> statement-breakpoint
CREATE INDEX "services_sops_unit_idx" ON "services_sops" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "services_sops_number_version_uq" ON "services_sops" USING btree ("unit_id",lower("number"),"version");--> statement-breakpoint
CREATE UNIQUE INDEX "services_standards_version_uq" ON "services_standards" USING btree ("service_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "services_standards_published_uq" ON "services_standards" USING btree ("service_id") WHERE "services_standards"."status" = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_codes_hash_uq" ON "surveys_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "surveys_followups_period_idx" ON "surveys_followups" USING btree ("period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_periods_uq" ON "surveys_periods" USING btree ("unit_id","kind","year","period_type","n");--> statement-breakpoint
CREATE INDEX "surveys_periods_unit_idx" ON "surveys_periods" USING btree ("unit_id","kind","starts_on");--> statement-breakpoint
CREATE INDEX "surveys_responses_period_idx" ON "surveys_responses" USING btree ("period_id","service_id");--> statement-breakpoint
CREATE INDEX "surveys_responses_dedup_idx" ON "surveys_responses" USING btree ("period_id","dedup_key");