CREATE TYPE "public"."account_status" AS ENUM('active', 'disabled', 'auth_failed');--> statement-breakpoint
CREATE TYPE "public"."alert_state" AS ENUM('firing', 'resolved', 'snoozed');--> statement-breakpoint
CREATE TYPE "public"."recommendation_category" AS ENUM('ORDER_TODAY', 'ALREADY_ORDERED', 'ATTENTION_REQUIRED', 'NORMAL');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('slack', 'telegram', 'console');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('ru', 'en');--> statement-breakpoint
CREATE TYPE "public"."marketplace" AS ENUM('wildberries', 'ozon');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('ordered', 'cancelled', 'bought_out', 'returned');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'dead');--> statement-breakpoint
CREATE TYPE "public"."chat_platform" AS ENUM('slack', 'telegram');--> statement-breakpoint
CREATE TYPE "public"."purchase_order_status" AS ENUM('draft', 'approved', 'sent', 'partially_received', 'received', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."chat_role" AS ENUM('viewer', 'buyer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('running', 'success', 'partial', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('critical', 'warning', 'info');--> statement-breakpoint
CREATE TYPE "public"."stock_type" AS ENUM('FBO', 'FBS', 'realFBS', 'own');--> statement-breakpoint
CREATE TYPE "public"."warehouse_owner" AS ENUM('wildberries', 'ozon', 'own');--> statement-breakpoint
CREATE TYPE "public"."warehouse_type" AS ENUM('FBO', 'FBS', 'own');--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"product_id" bigint,
	"account_id" bigint,
	"rule" text NOT NULL,
	"severity" "severity" NOT NULL,
	"fingerprint" text NOT NULL,
	"state" "alert_state" NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"last_notified_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"snoozed_until" timestamp with time zone,
	"snoozed_by" text,
	"snooze_reason" text,
	"notification_id" bigint,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_fingerprint" UNIQUE("company_id","fingerprint")
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notification_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"target" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"dedup_key" text NOT NULL,
	"replaces_id" bigint,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"external_message_id" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_outbox_dedup" UNIQUE("company_id","channel","target","dedup_key"),
	CONSTRAINT "notification_outbox_attempts_nonneg" CHECK ("notification_outbox"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "silences" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "silences_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"fingerprint" text,
	"product_id" bigint,
	"until" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "silences_target" CHECK ("silences"."fingerprint" is not null or "silences"."product_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "marketplace_accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "marketplace_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"name" text NOT NULL,
	"credentials_sealed" text NOT NULL,
	"credentials_key_id" text NOT NULL,
	"status" "account_status" DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"sync_cursors" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_sync_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_accounts_company_name" UNIQUE("company_id","marketplace","name"),
	CONSTRAINT "marketplace_accounts_company_id_id_unique" UNIQUE("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"seller_sku" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"brand" text,
	"category" text,
	"barcodes" text[] DEFAULT '{}'::text[] NOT NULL,
	"wb_nm_id" bigint,
	"wb_chrt_id" bigint,
	"ozon_product_id" bigint,
	"ozon_offer_id" text,
	"ozon_sku" bigint,
	"supplier_id" bigint,
	"lead_time_days" integer,
	"moq" integer DEFAULT 1 NOT NULL,
	"pack_size" integer DEFAULT 1 NOT NULL,
	"unit_cost" numeric(14, 2),
	"abc_class" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_company_sku" UNIQUE("company_id","seller_sku"),
	CONSTRAINT "products_company_id_id_unique" UNIQUE("company_id","id"),
	CONSTRAINT "products_moq_positive" CHECK ("products"."moq" >= 1),
	CONSTRAINT "products_pack_positive" CHECK ("products"."pack_size" >= 1),
	CONSTRAINT "products_abc" CHECK ("products"."abc_class" is null or "products"."abc_class" in ('A', 'B', 'C')),
	CONSTRAINT "products_lead_time_nonneg" CHECK ("products"."lead_time_days" is null or "products"."lead_time_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "suppliers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"lead_time_days" integer,
	"moq" integer,
	"contact" text,
	"email" text,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppliers_company_name" UNIQUE("company_id","name"),
	CONSTRAINT "suppliers_company_id_id_unique" UNIQUE("company_id","id"),
	CONSTRAINT "suppliers_lead_time_nonneg" CHECK ("suppliers"."lead_time_days" is null or "suppliers"."lead_time_days" >= 0),
	CONSTRAINT "suppliers_moq_positive" CHECK ("suppliers"."moq" is null or "suppliers"."moq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warehouses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"owner" "warehouse_owner" NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"type" "warehouse_type" NOT NULL,
	"cluster" text,
	"region" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warehouses_company_external" UNIQUE("company_id","owner","external_id"),
	CONSTRAINT "warehouses_company_id_id_unique" UNIQUE("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "chat_bindings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "chat_bindings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"platform" "chat_platform" NOT NULL,
	"workspace_id" text DEFAULT '' NOT NULL,
	"chat_id" text NOT NULL,
	"title" text,
	"purposes" text[] DEFAULT '{digest,alerts}'::text[] NOT NULL,
	"min_severity" "severity" DEFAULT 'warning' NOT NULL,
	"locale" "locale",
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_bindings_chat" UNIQUE("platform","workspace_id","chat_id")
);
--> statement-breakpoint
CREATE TABLE "chat_users" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "chat_users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"platform" "chat_platform" NOT NULL,
	"workspace_id" text DEFAULT '' NOT NULL,
	"platform_user_id" text NOT NULL,
	"display_name" text,
	"role" "chat_role" DEFAULT 'viewer' NOT NULL,
	"approval_limit" numeric(16, 2),
	"locale" "locale",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_users_identity" UNIQUE("platform","workspace_id","platform_user_id","company_id"),
	CONSTRAINT "chat_users_limit_nonneg" CHECK ("chat_users"."approval_limit" is null or "chat_users"."approval_limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "link_codes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "link_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"role" "chat_role" NOT NULL,
	"approval_limit" numeric(16, 2),
	"created_by" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" text,
	"max_uses" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_codes_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"timezone" text DEFAULT 'Europe/Moscow' NOT NULL,
	"locale" "locale" DEFAULT 'ru' NOT NULL,
	"sync_time" text DEFAULT '06:00' NOT NULL,
	"forecast_time" text DEFAULT '07:00' NOT NULL,
	"procurement_time" text DEFAULT '07:30' NOT NULL,
	"digest_time" text DEFAULT '08:00' NOT NULL,
	"lead_time_days" integer DEFAULT 14 NOT NULL,
	"review_period_days" integer DEFAULT 7 NOT NULL,
	"coverage_days" integer DEFAULT 30 NOT NULL,
	"service_level" real DEFAULT 0.95 NOT NULL,
	"service_level_by_class" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"overstock_days" integer DEFAULT 180 NOT NULL,
	"stale_sales_hours" integer DEFAULT 26 NOT NULL,
	"stale_stock_hours" integer DEFAULT 8 NOT NULL,
	"next_po_number" integer DEFAULT 1001 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_slug_unique" UNIQUE("slug"),
	CONSTRAINT "companies_service_level_range" CHECK ("companies"."service_level" > 0 and "companies"."service_level" < 1),
	CONSTRAINT "companies_lead_time_positive" CHECK ("companies"."lead_time_days" >= 0),
	CONSTRAINT "companies_review_positive" CHECK ("companies"."review_period_days" >= 1),
	CONSTRAINT "companies_coverage_positive" CHECK ("companies"."coverage_days" >= 0),
	CONSTRAINT "companies_times_format" CHECK ("companies"."sync_time" ~ '^[0-2][0-9]:[0-5][0-9]$' and "companies"."forecast_time" ~ '^[0-2][0-9]:[0-5][0-9]$' and "companies"."procurement_time" ~ '^[0-2][0-9]:[0-5][0-9]$' and "companies"."digest_time" ~ '^[0-2][0-9]:[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" text[] DEFAULT '{read}'::text[] NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid,
	"job" text NOT NULL,
	"run_date" date NOT NULL,
	"trigger" text DEFAULT 'schedule' NOT NULL,
	"status" "run_status" NOT NULL,
	"instance_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "job_runs_trigger" CHECK ("job_runs"."trigger" in ('schedule', 'catch-up', 'manual', 'chat', 'api', 'cli'))
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sync_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"account_id" bigint NOT NULL,
	"sync_type" text NOT NULL,
	"status" "run_status" NOT NULL,
	"records_processed" integer DEFAULT 0 NOT NULL,
	"records_updated" integer DEFAULT 0 NOT NULL,
	"records_skipped" integer DEFAULT 0 NOT NULL,
	"error_message" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"duration_ms" integer,
	CONSTRAINT "sync_runs_type" CHECK ("sync_runs"."sync_type" in ('full', 'incremental'))
);
--> statement-breakpoint
CREATE TABLE "forecasts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "forecasts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"product_id" bigint NOT NULL,
	"run_date" date NOT NULL,
	"start_date" date NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"model" text NOT NULL,
	"model_version" text NOT NULL,
	"demand_class" text,
	"horizon_days" integer NOT NULL,
	"mean" real[] NOT NULL,
	"quantiles" jsonb NOT NULL,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "forecasts_once_a_day" UNIQUE("company_id","product_id","run_date"),
	CONSTRAINT "forecasts_horizon_positive" CHECK ("forecasts"."horizon_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "purchase_order_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "purchase_order_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"purchase_order_id" bigint NOT NULL,
	"product_id" bigint NOT NULL,
	"quantity" integer NOT NULL,
	"received_quantity" integer DEFAULT 0 NOT NULL,
	"unit_cost" numeric(14, 2),
	"recommendation_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_order_lines_product" UNIQUE("purchase_order_id","product_id"),
	CONSTRAINT "purchase_order_lines_quantity_positive" CHECK ("purchase_order_lines"."quantity" > 0),
	CONSTRAINT "purchase_order_lines_received_nonneg" CHECK ("purchase_order_lines"."received_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "purchase_orders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "purchase_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"supplier_id" bigint,
	"status" "purchase_order_status" DEFAULT 'draft' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"run_date" date,
	"expected_at" date,
	"created_by" text NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"external_ref" text,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_orders_number" UNIQUE("company_id","number"),
	CONSTRAINT "purchase_orders_company_id_id_unique" UNIQUE("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recommendations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"product_id" bigint NOT NULL,
	"run_date" date NOT NULL,
	"supplier_id" bigint,
	"forecast_id" bigint,
	"category" "recommendation_category" NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"available_stock" integer NOT NULL,
	"in_transit" integer DEFAULT 0 NOT NULL,
	"on_order" integer DEFAULT 0 NOT NULL,
	"daily_demand" real NOT NULL,
	"runway_days" real,
	"stock_out_date" date,
	"order_by_date" date,
	"lead_time_days" integer NOT NULL,
	"service_level" real NOT NULL,
	"safety_stock" real NOT NULL,
	"reorder_point" real NOT NULL,
	"recommended_qty" integer DEFAULT 0 NOT NULL,
	"explanation" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendations_once_a_day" UNIQUE("company_id","product_id","run_date"),
	CONSTRAINT "recommendations_qty_nonneg" CHECK ("recommendations"."recommended_qty" >= 0)
);
--> statement-breakpoint
CREATE TABLE "daily_sales" (
	"company_id" uuid NOT NULL,
	"product_id" bigint NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"date" date NOT NULL,
	"units_ordered" integer DEFAULT 0 NOT NULL,
	"units_bought_out" integer DEFAULT 0 NOT NULL,
	"units_returned" integer DEFAULT 0 NOT NULL,
	"units_cancelled" integer DEFAULT 0 NOT NULL,
	"revenue" numeric(16, 2) DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_sales_pk" PRIMARY KEY("company_id","product_id","marketplace","date"),
	CONSTRAINT "daily_sales_units_nonneg" CHECK ("daily_sales"."units_ordered" >= 0 and "daily_sales"."units_bought_out" >= 0 and "daily_sales"."units_returned" >= 0 and "daily_sales"."units_cancelled" >= 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"account_id" bigint NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"external_id" text NOT NULL,
	"product_id" bigint NOT NULL,
	"warehouse_name" text,
	"quantity" integer DEFAULT 1 NOT NULL,
	"price" numeric(14, 2),
	"status" "order_status" NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"order_date" date NOT NULL,
	"bought_out_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"last_change_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_external" UNIQUE("company_id","marketplace","external_id"),
	CONSTRAINT "orders_quantity_positive" CHECK ("orders"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "stock_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stock_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"product_id" bigint NOT NULL,
	"marketplace" text NOT NULL,
	"warehouse_id" bigint NOT NULL,
	"stock_type" "stock_type" NOT NULL,
	"quantity" integer NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"in_transit_to_customers" integer DEFAULT 0 NOT NULL,
	"in_transit_from_customers" integer DEFAULT 0 NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"sync_run_id" bigint,
	CONSTRAINT "stock_snapshots_once" UNIQUE("company_id","product_id","warehouse_id","stock_type","taken_at"),
	CONSTRAINT "stock_snapshots_marketplace" CHECK ("stock_snapshots"."marketplace" in ('wildberries', 'ozon', 'own')),
	CONSTRAINT "stock_snapshots_reserved_nonneg" CHECK ("stock_snapshots"."reserved" >= 0)
);
--> statement-breakpoint
CREATE TABLE "supplies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supplies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"external_id" text NOT NULL,
	"product_id" bigint NOT NULL,
	"warehouse_id" bigint,
	"status" text NOT NULL,
	"quantity" integer NOT NULL,
	"accepted_quantity" integer DEFAULT 0 NOT NULL,
	"expected_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplies_external" UNIQUE("company_id","marketplace","external_id","product_id"),
	CONSTRAINT "supplies_quantity_nonneg" CHECK ("supplies"."quantity" >= 0 and "supplies"."accepted_quantity" >= 0)
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_product_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."products"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_account_fk" FOREIGN KEY ("company_id","account_id") REFERENCES "public"."marketplace_accounts"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "silences" ADD CONSTRAINT "silences_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "silences" ADD CONSTRAINT "silences_product_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."products"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_accounts" ADD CONSTRAINT "marketplace_accounts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_supplier_fk" FOREIGN KEY ("company_id","supplier_id") REFERENCES "public"."suppliers"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_bindings" ADD CONSTRAINT "chat_bindings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_users" ADD CONSTRAINT "chat_users_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_account_fk" FOREIGN KEY ("company_id","account_id") REFERENCES "public"."marketplace_accounts"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecasts" ADD CONSTRAINT "forecasts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecasts" ADD CONSTRAINT "forecasts_product_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."products"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_po_fk" FOREIGN KEY ("company_id","purchase_order_id") REFERENCES "public"."purchase_orders"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_product_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."products"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_supplier_fk" FOREIGN KEY ("company_id","supplier_id") REFERENCES "public"."suppliers"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_product_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."products"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD CONSTRAINT "daily_sales_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD CONSTRAINT "daily_sales_product_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."products"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_product_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."products"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_account_fk" FOREIGN KEY ("company_id","account_id") REFERENCES "public"."marketplace_accounts"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_snapshots" ADD CONSTRAINT "stock_snapshots_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_snapshots" ADD CONSTRAINT "stock_snapshots_product_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."products"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_snapshots" ADD CONSTRAINT "stock_snapshots_warehouse_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."warehouses"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplies" ADD CONSTRAINT "supplies_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplies" ADD CONSTRAINT "supplies_product_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."products"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplies" ADD CONSTRAINT "supplies_warehouse_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."warehouses"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_company_state" ON "alerts" USING btree ("company_id","state");--> statement-breakpoint
CREATE INDEX "notification_outbox_due" ON "notification_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notification_outbox_target" ON "notification_outbox" USING btree ("channel","target","id");--> statement-breakpoint
CREATE INDEX "silences_company_until" ON "silences" USING btree ("company_id","until");--> statement-breakpoint
CREATE INDEX "products_wb_nm_id" ON "products" USING btree ("company_id","wb_nm_id");--> statement-breakpoint
CREATE INDEX "products_ozon_sku" ON "products" USING btree ("company_id","ozon_sku");--> statement-breakpoint
CREATE INDEX "products_ozon_offer_id" ON "products" USING btree ("company_id","ozon_offer_id");--> statement-breakpoint
CREATE INDEX "products_ozon_product_id" ON "products" USING btree ("company_id","ozon_product_id");--> statement-breakpoint
CREATE INDEX "products_barcodes" ON "products" USING gin ("barcodes");--> statement-breakpoint
CREATE INDEX "chat_bindings_company" ON "chat_bindings" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "chat_users_company" ON "chat_users" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "link_codes_company" ON "link_codes" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "api_tokens_company" ON "api_tokens" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "audit_log_company_at" ON "audit_log" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "job_runs_company_job_date" ON "job_runs" USING btree ("company_id","job","run_date");--> statement-breakpoint
CREATE INDEX "sync_runs_account_started" ON "sync_runs" USING btree ("company_id","account_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "forecasts_company_run" ON "forecasts" USING btree ("company_id","run_date");--> statement-breakpoint
CREATE INDEX "purchase_order_lines_company_product" ON "purchase_order_lines" USING btree ("company_id","product_id");--> statement-breakpoint
CREATE INDEX "purchase_orders_company_status" ON "purchase_orders" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "recommendations_company_run_category" ON "recommendations" USING btree ("company_id","run_date","category");--> statement-breakpoint
CREATE INDEX "daily_sales_company_date" ON "daily_sales" USING btree ("company_id","date");--> statement-breakpoint
CREATE INDEX "orders_product_date" ON "orders" USING btree ("company_id","product_id","order_date");--> statement-breakpoint
CREATE INDEX "stock_snapshots_latest" ON "stock_snapshots" USING btree ("company_id","product_id","taken_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "stock_snapshots_company_time" ON "stock_snapshots" USING btree ("company_id","taken_at");--> statement-breakpoint
CREATE INDEX "supplies_product" ON "supplies" USING btree ("company_id","product_id");