CREATE TYPE "public"."order_kind" AS ENUM('order', 'sale', 'return');--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "kind" "order_kind" DEFAULT 'order' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "order_id" text;