ALTER TABLE `rosters` ADD `solve_summary` text;--> statement-breakpoint
ALTER TABLE `rosters` ADD `updated_at` integer;