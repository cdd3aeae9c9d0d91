-- Clubs (issue #12): a name unique per region (case and accents ignored), public (join at once)
-- or private (an admin approves), with owners, admins and members.
create table club (
    club_id     uuid          primary key,
    name        varchar(100)  not null,
    name_key    varchar(100)  not null,
    description varchar(2000),
    sport       varchar(32),
    region      varchar(6)    not null,
    private     boolean       not null,
    avatar_url  varchar(2048),
    created_by  uuid,
    created_at  timestamptz   not null,
    members     bigint        not null default 0,
    unique (region, name_key)
);
create index club_search on club (name_key text_pattern_ops, club_id);

-- ACTIVE members hold a role; PENDING ones asked to join a private club.
create table club_member (
    club_id    uuid        not null references club on delete cascade,
    athlete_id uuid        not null,
    role       varchar(16) not null check (role in ('OWNER', 'ADMIN', 'MEMBER')),
    status     varchar(16) not null check (status in ('PENDING', 'ACTIVE')),
    since      timestamptz not null,
    primary key (club_id, athlete_id)
);
create index club_member_list on club_member (club_id, status, since desc, athlete_id);
create index club_member_athlete on club_member (athlete_id);
