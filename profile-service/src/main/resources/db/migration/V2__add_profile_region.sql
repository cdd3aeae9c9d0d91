-- The athlete's region (ADR 0024): a code of region-service (DE, DE-BY), checked against the
-- service's copy of region settings when set; null until the athlete picks one.
alter table profile add column region varchar(6)
    check (region is null or region ~ '^[A-Z]{2}(-[A-Z0-9]{1,3})?$');
