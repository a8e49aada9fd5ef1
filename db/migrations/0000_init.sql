CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`details` text,
	FOREIGN KEY (`actor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `channels` (
	`key` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`target_sl` real,
	`target_seconds` integer,
	`target_asa_seconds` integer,
	`response_minutes` integer,
	`max_occupancy` real,
	`shrinkage` real NOT NULL,
	`concurrency` integer DEFAULT 1 NOT NULL,
	`aht_seconds` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contact_history` (
	`interval_start` integer NOT NULL,
	`channel_key` text NOT NULL,
	`contacts` real NOT NULL,
	`aht_seconds` real,
	PRIMARY KEY(`interval_start`, `channel_key`),
	FOREIGN KEY (`channel_key`) REFERENCES `channels`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `org_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`interval_minutes` integer NOT NULL,
	`week_start` integer NOT NULL,
	`currency` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`region_id` integer NOT NULL,
	`time_zone` text,
	`team_id` integer,
	`skills` text NOT NULL,
	`max_minutes_per_week` integer NOT NULL,
	`min_minutes_per_week` integer NOT NULL,
	`max_days_per_week` integer NOT NULL,
	`min_rest_minutes` integer NOT NULL,
	`calendar_token` text,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_unique` ON `people` (`email`);--> statement-breakpoint
CREATE INDEX `people_team_idx` ON `people` (`team_id`);--> statement-breakpoint
CREATE TABLE `person_templates` (
	`person_id` integer NOT NULL,
	`template_id` integer NOT NULL,
	PRIMARY KEY(`person_id`, `template_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `shift_templates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`window_start` text NOT NULL,
	`window_end` text NOT NULL,
	`working_days` text NOT NULL,
	`hourly_cost_cents` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `regions_name_unique` ON `regions` (`name`);--> statement-breakpoint
CREATE TABLE `requirements` (
	`interval_start` integer NOT NULL,
	`channel_key` text NOT NULL,
	`interval_minutes` integer NOT NULL,
	`contacts` real NOT NULL,
	`aht_seconds` real NOT NULL,
	`agents` integer NOT NULL,
	`agents_with_shrinkage` integer NOT NULL,
	`service_level` real,
	`asa_seconds` real,
	`occupancy` real,
	PRIMARY KEY(`interval_start`, `channel_key`),
	FOREIGN KEY (`channel_key`) REFERENCES `channels`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rosters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`period_start` integer NOT NULL,
	`days` integer NOT NULL,
	`status` text NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`published_at` integer,
	`metrics` text,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `shift_breaks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shift_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	FOREIGN KEY (`shift_id`) REFERENCES `shifts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `shift_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`minutes` integer NOT NULL,
	`breaks` text NOT NULL,
	`start_step_minutes` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shift_templates_name_unique` ON `shift_templates` (`name`);--> statement-breakpoint
CREATE TABLE `shifts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`roster_id` integer NOT NULL,
	`person_id` integer,
	`region_id` integer NOT NULL,
	`template_id` integer,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`pinned` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`roster_id`) REFERENCES `rosters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `shift_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shifts_roster_idx` ON `shifts` (`roster_id`);--> statement-breakpoint
CREATE INDEX `shifts_person_idx` ON `shifts` (`person_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `swap_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`requester_id` integer NOT NULL,
	`shift_id` integer NOT NULL,
	`counterpart_id` integer,
	`counterpart_shift_id` integer,
	`created_at` integer NOT NULL,
	`decided_by_id` integer,
	`decided_at` integer,
	`note` text,
	FOREIGN KEY (`requester_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shift_id`) REFERENCES `shifts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`counterpart_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counterpart_shift_id`) REFERENCES `shifts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`region_id` integer NOT NULL,
	`lead_id` integer,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_unique` ON `teams` (`name`);--> statement-breakpoint
CREATE TABLE `unavailability` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
