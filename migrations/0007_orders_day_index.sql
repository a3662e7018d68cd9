-- The daily_sales refresh reads one marketplace's order lines by day and product. Day first: a sync
-- brings lines roughly in time order, so inserts stay in a recent stretch of the index instead of
-- landing on a random leaf each (the old order, product first, did once it outgrew shared_buffers).
DROP INDEX "orders_product_date";--> statement-breakpoint
CREATE INDEX "orders_day_product" ON "orders" USING btree ("company_id","marketplace","order_date","product_id");