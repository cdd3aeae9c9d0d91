-- The revision of each region's effective settings last published as RegionSettingsChanged
-- (ADR 0024): a change publishes every region whose revision moved past it, in the change's
-- transaction, and the start publishes what was never published (the seed).
create table region_publication (
    code         varchar(6)  primary key references region (code),
    revision     bigint      not null,
    published_at timestamptz not null
);
