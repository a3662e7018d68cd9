-- The surrogate id goes first: with it goes the old primary key, so the natural key can take its place.
ALTER TABLE "orders" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_external";--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_pk" PRIMARY KEY("company_id","marketplace","external_id");
