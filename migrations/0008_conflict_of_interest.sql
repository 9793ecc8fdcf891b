CREATE TABLE "coi_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"account_id" uuid,
	"kind" text NOT NULL,
	"period" text,
	"year" integer NOT NULL,
	"decision_kind" text,
	"reference" text,
	"role_in_decision" text,
	"function_id" uuid,
	"has_conflict" boolean NOT NULL,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rules_version" text NOT NULL,
	"statement_version" text NOT NULL,
	"declared_on" date NOT NULL,
	"superior_person_id" uuid,
	"state" text NOT NULL,
	"assessment" text,
	"mitigation" text,
	"review_note" text,
	"due_on" date,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"follow_up_note" text,
	"follow_up_on" date,
	"follow_up_by" uuid,
	"follow_up_sha" text,
	"follow_up_name" text,
	"follow_up_mime" text,
	"follow_up_size" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coi_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"findings" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coi_functions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"service_code" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coi_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_on" date,
	"note" text,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coi_risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"function_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"source" text NOT NULL,
	"form" text NOT NULL,
	"positions" text NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"controls" text,
	"mitigation" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coi_socialisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"participants" integer DEFAULT 0 NOT NULL,
	"function_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD CONSTRAINT "coi_declarations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD CONSTRAINT "coi_declarations_person_id_org_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."org_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD CONSTRAINT "coi_declarations_account_id_kernel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD CONSTRAINT "coi_declarations_function_id_coi_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."coi_functions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD CONSTRAINT "coi_declarations_superior_person_id_org_people_id_fk" FOREIGN KEY ("superior_person_id") REFERENCES "public"."org_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD CONSTRAINT "coi_declarations_reviewed_by_kernel_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD CONSTRAINT "coi_declarations_follow_up_by_kernel_accounts_id_fk" FOREIGN KEY ("follow_up_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD CONSTRAINT "coi_declarations_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_evaluations" ADD CONSTRAINT "coi_evaluations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_evaluations" ADD CONSTRAINT "coi_evaluations_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_functions" ADD CONSTRAINT "coi_functions_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_functions" ADD CONSTRAINT "coi_functions_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_recommendations" ADD CONSTRAINT "coi_recommendations_evaluation_id_coi_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."coi_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_recommendations" ADD CONSTRAINT "coi_recommendations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_risks" ADD CONSTRAINT "coi_risks_function_id_coi_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."coi_functions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_risks" ADD CONSTRAINT "coi_risks_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_risks" ADD CONSTRAINT "coi_risks_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_socialisations" ADD CONSTRAINT "coi_socialisations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coi_socialisations" ADD CONSTRAINT "coi_socialisations_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coi_declarations_unit_idx" ON "coi_declarations" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "coi_declarations_person_idx" ON "coi_declarations" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coi_declarations_periodic_uq" ON "coi_declarations" USING btree ("person_id","period") WHERE "coi_declarations"."kind" = 'periodic';--> statement-breakpoint
CREATE INDEX "coi_evaluations_unit_idx" ON "coi_evaluations" USING btree ("unit_id","held_on");--> statement-breakpoint
CREATE INDEX "coi_functions_unit_year_idx" ON "coi_functions" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "coi_functions_name_uq" ON "coi_functions" USING btree ("unit_id","year","name");--> statement-breakpoint
CREATE INDEX "coi_recommendations_eval_idx" ON "coi_recommendations" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "coi_risks_function_idx" ON "coi_risks" USING btree ("function_id");--> statement-breakpoint
CREATE INDEX "coi_risks_unit_idx" ON "coi_risks" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "coi_socialisations_unit_idx" ON "coi_socialisations" USING btree ("unit_id","held_on");