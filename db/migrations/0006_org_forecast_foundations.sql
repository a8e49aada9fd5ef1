CREATE TABLE `password_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_id` integer,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_tokens_hash_unique` ON `password_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `special_days` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`name` text NOT NULL,
	`channel_key` text,
	`factor` real,
	`created_by_id` integer,
	FOREIGN KEY (`channel_key`) REFERENCES `channels`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `special_days_date_idx` ON `special_days` (`date`);--> statement-breakpoint
ALTER TABLE `channels` ADD `retired_at` integer;--> statement-breakpoint
ALTER TABLE `channels` ADD `demand_zone` text;--> statement-breakpoint
ALTER TABLE `channels` ADD `patience_seconds` real;--> statement-breakpoint
ALTER TABLE `channels` ADD `max_abandon_rate` real;--> statement-breakpoint
ALTER TABLE `contact_history` ADD `abandoned` real;--> statement-breakpoint
ALTER TABLE `contact_history` ADD `wait_seconds` real;--> statement-breakpoint
ALTER TABLE `org_settings` ADD `tools_cost_cents_per_user_month` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `org_settings` ADD `overtime_premium` real DEFAULT 0.5 NOT NULL;--> statement-breakpoint
ALTER TABLE `org_settings` ADD `lead_span_min` integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE `org_settings` ADD `lead_span_max` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `is_planner` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `max_consecutive_days` integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `annual_leave_hours` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `requirements` ADD `probability_abandon` real;--> statement-breakpoint
ALTER TABLE `rosters` ADD `stale_reason` text;