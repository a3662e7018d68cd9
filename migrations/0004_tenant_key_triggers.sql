ALTER TABLE "daily_sales" DROP CONSTRAINT "daily_sales_product_fk";
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_product_fk";
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_account_fk";
--> statement-breakpoint
ALTER TABLE "stock_snapshots" DROP CONSTRAINT "stock_snapshots_product_fk";
--> statement-breakpoint
ALTER TABLE "stock_snapshots" DROP CONSTRAINT "stock_snapshots_warehouse_fk";
--> statement-breakpoint
-- The tenant keys of the three tables every sync writes most (orders, daily_sales, stock_snapshots)
-- are enforced per statement instead of per row: one set-based check, which also locks the rows
-- it points at (FOR KEY SHARE, as a foreign key would) so they cannot vanish before commit, and
-- one set-based cascade when they are deleted. Per-row checks were over half of a sync's write time.
-- tg_argv: parent table, referencing column, constraint name reported on violation.
CREATE FUNCTION "tenant_refs_exist"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing bigint;
BEGIN
  EXECUTE format($q$
    WITH refs AS (SELECT DISTINCT company_id, %1$I AS ref FROM new_rows WHERE %1$I IS NOT NULL),
    locked AS (
      SELECT p.id FROM %2$I p JOIN refs r ON p.company_id = r.company_id AND p.id = r.ref
      FOR KEY SHARE OF p
    )
    SELECT (SELECT count(*) FROM refs) - (SELECT count(*) FROM locked)$q$, TG_ARGV[1], TG_ARGV[0])
  INTO missing;
  IF missing > 0 THEN
    RAISE foreign_key_violation USING
      MESSAGE = format('insert or update on table "%s" violates foreign key constraint "%s"', TG_TABLE_NAME, TG_ARGV[2]),
      DETAIL = format('%s row(s) point at no row of "%s" of their company.', missing, TG_ARGV[0]),
      CONSTRAINT = TG_ARGV[2], TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- tg_argv: child table, its referencing column. Deletes the child rows of the deleted parents.
CREATE FUNCTION "tenant_refs_cascade"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'DELETE FROM %1$I c USING old_rows d WHERE c.company_id = d.company_id AND c.%2$I = d.id',
    TG_ARGV[0], TG_ARGV[1]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "orders_product_fk" AFTER INSERT ON "orders" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_exist('products', 'product_id', 'orders_product_fk');
--> statement-breakpoint
CREATE TRIGGER "orders_product_fk_update" AFTER UPDATE ON "orders" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_exist('products', 'product_id', 'orders_product_fk');
--> statement-breakpoint
CREATE TRIGGER "orders_account_fk" AFTER INSERT ON "orders" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_exist('marketplace_accounts', 'account_id', 'orders_account_fk');
--> statement-breakpoint
CREATE TRIGGER "orders_account_fk_update" AFTER UPDATE ON "orders" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_exist('marketplace_accounts', 'account_id', 'orders_account_fk');
--> statement-breakpoint
CREATE TRIGGER "daily_sales_product_fk" AFTER INSERT ON "daily_sales" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_exist('products', 'product_id', 'daily_sales_product_fk');
--> statement-breakpoint
CREATE TRIGGER "daily_sales_product_fk_update" AFTER UPDATE ON "daily_sales" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_exist('products', 'product_id', 'daily_sales_product_fk');
--> statement-breakpoint
CREATE TRIGGER "stock_snapshots_product_fk" AFTER INSERT ON "stock_snapshots" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_exist('products', 'product_id', 'stock_snapshots_product_fk');
--> statement-breakpoint
CREATE TRIGGER "stock_snapshots_product_fk_update" AFTER UPDATE ON "stock_snapshots" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_exist('products', 'product_id', 'stock_snapshots_product_fk');
--> statement-breakpoint
CREATE TRIGGER "stock_snapshots_warehouse_fk" AFTER INSERT ON "stock_snapshots" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_exist('warehouses', 'warehouse_id', 'stock_snapshots_warehouse_fk');
--> statement-breakpoint
CREATE TRIGGER "stock_snapshots_warehouse_fk_update" AFTER UPDATE ON "stock_snapshots" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_exist('warehouses', 'warehouse_id', 'stock_snapshots_warehouse_fk');
--> statement-breakpoint
CREATE TRIGGER "products_cascade_orders" AFTER DELETE ON "products" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_cascade('orders', 'product_id');
--> statement-breakpoint
CREATE TRIGGER "products_cascade_daily_sales" AFTER DELETE ON "products" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_cascade('daily_sales', 'product_id');
--> statement-breakpoint
CREATE TRIGGER "products_cascade_stock_snapshots" AFTER DELETE ON "products" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_cascade('stock_snapshots', 'product_id');
--> statement-breakpoint
CREATE TRIGGER "accounts_cascade_orders" AFTER DELETE ON "marketplace_accounts" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_cascade('orders', 'account_id');
--> statement-breakpoint
CREATE TRIGGER "warehouses_cascade_stock_snapshots" AFTER DELETE ON "warehouses" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_refs_cascade('stock_snapshots', 'warehouse_id');
