-- Writes counted per patient and per clinic in fixed one-hour windows, shared by every journal instance. UNLOGGED:
-- a counter needs no crash safety (at worst a window restarts), and its commits wait for no WAL flush.
CREATE UNLOGGED TABLE write_rate (
    scope         varchar(160) NOT NULL,
    window_start  timestamptz  NOT NULL,
    writes        integer      NOT NULL,
    PRIMARY KEY (scope, window_start)
);
