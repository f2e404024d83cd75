-- The outbox is a queue: every row is deleted moments after it is inserted, so emptied pages are refilled at once.
-- Vacuum need not hand its emptied tail pages back to the operating system, and doing so wants an exclusive lock on
-- the table, which every write's INSERT would queue behind (vacuum keeps trying for up to 5 s to get it).
ALTER TABLE outbox_event SET (vacuum_truncate = false);
