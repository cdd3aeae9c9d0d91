-- Who changed which region when, and what it stored before and after (ADR 0023): written in the
-- transaction of the change, read by admins (GET /api/v1/regions/{code}/audit).
create table region_audit (
    id         bigserial    primary key,
    code       varchar(6)   not null references region (code),
    changed_at timestamptz  not null,
    actor      varchar(200) not null,
    action     varchar(16)  not null check (action in ('created', 'changed')),
    before     jsonb,
    after      jsonb        not null,
    check ((action = 'created') = (before is null))
);
create index region_audit_by_region on region_audit (code, id desc);
