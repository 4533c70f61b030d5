ALTER TABLE `library_entries` ADD `measure_unit` text;--> statement-breakpoint
ALTER TABLE `library_entries` ADD `basis` text;