-- Fan-out writes one feed_item per follower, so every index of the table is paid once per row
-- (ADR 0026: the benchmark's fan-out rows/s). The (owner, reader) index served only an unfollow's
-- delete of one athlete's rows from one reader's feed; the page index now carries owner_id, so
-- that delete reads the reader's index entries alone, and fan-out maintains three indexes, not four.
drop index feed_item_owner;
drop index feed_item_page;
create index feed_item_page on feed_item (reader_id, start_time desc, workout_id) include (owner_id);
