-- region-service's schema (ADR 0023). A region is a country (ISO 3166-1 alpha-2) or one of its
-- subdivisions (ISO 3166-2); a subdivision stores only the settings it overrides and inherits the
-- rest from its country. version counts changes (the ETag of admin writes, If-Match).
create table region (
    code        varchar(6)   primary key,
    country     varchar(2)   not null,
    parent_code varchar(6)   references region (code),
    name        varchar(100) not null,
    settings    jsonb        not null,
    version     bigint       not null default 0,
    updated_at  timestamptz  not null default now(),
    check ((parent_code is null) = (code = country)),
    check (parent_code is null or parent_code = country)
);
create index region_parent on region (parent_code) where parent_code is not null;
