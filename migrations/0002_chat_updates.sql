CREATE TABLE "chat_updates" (
	"platform" "chat_platform" NOT NULL,
	"update_id" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_updates_pk" PRIMARY KEY("platform","update_id")
);
--> statement-breakpoint
CREATE INDEX "chat_updates_seen" ON "chat_updates" USING btree ("seen_at");