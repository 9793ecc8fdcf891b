CREATE TABLE "kernel_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"locale" text DEFAULT 'id' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel_audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_account_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"unit_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel_login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kernel_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"body_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"email_status" text DEFAULT 'none' NOT NULL,
	"email_error" text,
	"email_attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"current_unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "org_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"account_id" uuid,
	"name" text NOT NULL,
	"nip" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" text NOT NULL,
	"position" text NOT NULL,
	"position_class" text NOT NULL,
	"rank" text,
	"email" text,
	"phone" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_regencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'kabupaten' NOT NULL,
	"capital" text,
	"province" text,
	"head_title" text DEFAULT 'Bupati' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid,
	"area" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"regency_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text,
	"phone" text,
	"email" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kernel_notifications" ADD CONSTRAINT "kernel_notifications_account_id_kernel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kernel_sessions" ADD CONSTRAINT "kernel_sessions_account_id_kernel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_people" ADD CONSTRAINT "org_people_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_people" ADD CONSTRAINT "org_people_account_id_kernel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_role_assignments" ADD CONSTRAINT "org_role_assignments_account_id_kernel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_role_assignments" ADD CONSTRAINT "org_role_assignments_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_role_assignments" ADD CONSTRAINT "org_role_assignments_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_regency_id_org_regencies_id_fk" FOREIGN KEY ("regency_id") REFERENCES "public"."org_regencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_id_org_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kernel_accounts_username_uq" ON "kernel_accounts" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "kernel_audit_entity_idx" ON "kernel_audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "kernel_audit_unit_idx" ON "kernel_audit_log" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "kernel_audit_actor_idx" ON "kernel_audit_log" USING btree ("actor_account_id");--> statement-breakpoint
CREATE INDEX "kernel_notifications_account_idx" ON "kernel_notifications" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "kernel_notifications_email_idx" ON "kernel_notifications" USING btree ("email_status");--> statement-breakpoint
CREATE INDEX "kernel_sessions_account_idx" ON "kernel_sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "kernel_sessions_expires_idx" ON "kernel_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "org_people_nip_uq" ON "org_people" USING btree ("nip");--> statement-breakpoint
CREATE UNIQUE INDEX "org_people_account_uq" ON "org_people" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "org_people_unit_idx" ON "org_people" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "org_people_name_idx" ON "org_people" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "org_role_assignments_uq" ON "org_role_assignments" USING btree ("account_id","role",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("area", 0));--> statement-breakpoint
CREATE INDEX "org_role_assignments_unit_idx" ON "org_role_assignments" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_code_uq" ON "org_units" USING btree ("regency_id",lower("code"));--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_regency_idx" ON "org_units" USING btree ("regency_id");