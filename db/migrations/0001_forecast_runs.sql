CREATE TABLE `forecast_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_id` integer,
	`period_start` integer NOT NULL,
	`days` integer NOT NULL,
	`zone` text NOT NULL,
	`interval_minutes` integer NOT NULL,
	`channels` text NOT NULL,
	`warnings` text NOT NULL,
	`adjustments` text NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
