CREATE TABLE "kernel_calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"source" text NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kernel_calendar_days" ADD CONSTRAINT "kernel_calendar_days_updated_by_kernel_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."kernel_accounts"("id") ON DELETE set null ON UPDATE no action;