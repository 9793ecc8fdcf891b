CREATE TABLE "workplan_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"area" integer NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"pic_person_id" uuid,
	"months" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outputs" text,
	"evidence_expected" text,
	"lke_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"decree_number" text,
	"decree_date" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"implemented_on" date,
	"integrated" boolean DEFAULT false NOT NULL,
	"integrated_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"declared_on" date NOT NULL,
	"place" text,
	"declared_by_name" text NOT NULL,
	"declared_by_position" text NOT NULL,
	"description" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_monev" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"month" integer NOT NULL,
	"status" text NOT NULL,
	"realisation" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"problems" text,
	"follow_up" text,
	"follow_up_done" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_pacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"account_id" uuid,
	"year" integer NOT NULL,
	"text_version" text NOT NULL,
	"text_hash" text NOT NULL,
	"snapshot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_plan_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"area" integer NOT NULL,
	"purpose" text,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"template" text,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decree_number" text,
	"decree_date" date,
	"place" text,
	"signer_person_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"area" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"decree_number" text,
	"decree_date" date,
	"selection" text DEFAULT 'clear_all' NOT NULL,
	"selection_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workplan_activities" ADD CONSTRAINT "workplan_activities_plan_id_workplan_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."workplan_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_activities" ADD CONSTRAINT "workplan_activities_pic_person_id_org_people_id_fk" FOREIGN KEY ("pic_person_id") REFERENCES "public"."org_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_activities" ADD CONSTRAINT "workplan_activities_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_agents" ADD CONSTRAINT "workplan_agents_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_agents" ADD CONSTRAINT "workplan_agents_person_id_org_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."org_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_agents" ADD CONSTRAINT "workplan_agents_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_changes" ADD CONSTRAINT "workplan_changes_agent_id_workplan_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."workplan_agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_changes" ADD CONSTRAINT "workplan_changes_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_declarations" ADD CONSTRAINT "workplan_declarations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_declarations" ADD CONSTRAINT "workplan_declarations_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_monev" ADD CONSTRAINT "workplan_monev_activity_id_workplan_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."workplan_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_monev" ADD CONSTRAINT "workplan_monev_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_pacts" ADD CONSTRAINT "workplan_pacts_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_pacts" ADD CONSTRAINT "workplan_pacts_person_id_org_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."org_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_pacts" ADD CONSTRAINT "workplan_pacts_account_id_kernel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_plan_areas" ADD CONSTRAINT "workplan_plan_areas_plan_id_workplan_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."workplan_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_plans" ADD CONSTRAINT "workplan_plans_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_plans" ADD CONSTRAINT "workplan_plans_signer_person_id_org_people_id_fk" FOREIGN KEY ("signer_person_id") REFERENCES "public"."org_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_plans" ADD CONSTRAINT "workplan_plans_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_team_members" ADD CONSTRAINT "workplan_team_members_team_id_workplan_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."workplan_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_team_members" ADD CONSTRAINT "workplan_team_members_person_id_org_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."org_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_teams" ADD CONSTRAINT "workplan_teams_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_teams" ADD CONSTRAINT "workplan_teams_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workplan_activities_plan_idx" ON "workplan_activities" USING btree ("plan_id","area","seq");--> statement-breakpoint
CREATE INDEX "workplan_activities_pic_idx" ON "workplan_activities" USING btree ("pic_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_agents_uq" ON "workplan_agents" USING btree ("unit_id","year","person_id");--> statement-breakpoint
CREATE INDEX "workplan_agents_person_idx" ON "workplan_agents" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "workplan_changes_agent_idx" ON "workplan_changes" USING btree ("agent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_declarations_unit_uq" ON "workplan_declarations" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_monev_uq" ON "workplan_monev" USING btree ("activity_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_pacts_person_year_uq" ON "workplan_pacts" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "workplan_pacts_unit_year_idx" ON "workplan_pacts" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_plan_areas_uq" ON "workplan_plan_areas" USING btree ("plan_id","area");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_plans_unit_year_uq" ON "workplan_plans" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_team_members_uq" ON "workplan_team_members" USING btree ("team_id","person_id","role",coalesce("area", 0));--> statement-breakpoint
CREATE INDEX "workplan_team_members_person_idx" ON "workplan_team_members" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_teams_unit_year_uq" ON "workplan_teams" USING btree ("unit_id","year");