CREATE TABLE "complaints_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_throttle" (
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"tracking_hash" text NOT NULL,
	"channel" text NOT NULL,
	"lapor_ref" text,
	"classification" text DEFAULT 'pengaduan' NOT NULL,
	"category" text NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"location" text,
	"event_date" date,
	"complainant_name" text,
	"complainant_contact" text,
	"received_on" date NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sla_days" integer NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"assignee_id" uuid,
	"first_response_on" date,
	"closed_on" date,
	"outcome" text,
	"refer_to" text,
	"satisfaction" integer,
	"satisfaction_note" text,
	"attachment_sha" text,
	"attachment_name" text,
	"attachment_mime" text,
	"attachment_size" integer,
	"reminded_near" boolean DEFAULT false NOT NULL,
	"reminded_over" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaints_entries" ADD CONSTRAINT "complaints_entries_complaint_id_complaints_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints_complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_entries" ADD CONSTRAINT "complaints_entries_author_id_kernel_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_complaints" ADD CONSTRAINT "complaints_complaints_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_complaints" ADD CONSTRAINT "complaints_complaints_assignee_id_kernel_accounts_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_complaints" ADD CONSTRAINT "complaints_complaints_created_by_kernel_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaints_entries_complaint_idx" ON "complaints_entries" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_throttle_uq" ON "complaints_throttle" USING btree ("key","kind","day");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_tracking_uq" ON "complaints_complaints" USING btree ("tracking_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_lapor_ref_uq" ON "complaints_complaints" USING btree ("lapor_ref") WHERE "complaints_complaints"."lapor_ref" is not null;--> statement-breakpoint
CREATE INDEX "complaints_unit_received_idx" ON "complaints_complaints" USING btree ("unit_id","received_on");--> statement-breakpoint
CREATE INDEX "complaints_state_idx" ON "complaints_complaints" USING btree ("state");