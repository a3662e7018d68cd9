CREATE TABLE "daily_sales_pending" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "daily_sales_pending_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"product_ids" bigint[] NOT NULL,
	"dates" date[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_sales_pending_pairs" CHECK (cardinality("daily_sales_pending"."product_ids") = cardinality("daily_sales_pending"."dates"))
);
--> statement-breakpoint
ALTER TABLE "daily_sales" DROP CONSTRAINT "daily_sales_company_id_companies_id_fk";
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_company_id_companies_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_snapshots" DROP CONSTRAINT "stock_snapshots_company_id_companies_id_fk";
--> statement-breakpoint
ALTER TABLE "daily_sales_pending" ADD CONSTRAINT "daily_sales_pending_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "daily_sales_pending_owner" ON "daily_sales_pending" USING btree ("company_id","marketplace");