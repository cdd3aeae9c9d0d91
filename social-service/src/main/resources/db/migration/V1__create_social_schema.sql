-- social-service schema: who follows, blocks and mutes whom, and the copy of each athlete's
-- profile that finding and listing people needs.

-- What social-service needs from each profile (fed by ProfileUpdated, only ever forward in
-- version). search_name is the display name in lower case without accents: what search matches
-- by prefix.
create table athlete (
    user_id         uuid primary key,
    display_name    varchar(80)   not null,
    search_name     varchar(80)   not null,
    avatar_url      varchar(2048),
    account_private boolean       not null,
    profile_version bigint        not null
);
create index athlete_search on athlete (search_name text_pattern_ops, user_id);

-- follower_id follows user_id (APPROVED) or asks to (PENDING, while user_id's account is
-- private). since: when the request was made, or when it was approved.
create table follow (
    follower_id uuid        not null,
    user_id     uuid        not null,
    status      varchar(16) not null check (status in ('PENDING', 'APPROVED')),
    since       timestamptz not null,
    primary key (follower_id, user_id),
    check (follower_id <> user_id)
);
create index follow_followers on follow (user_id, status, since desc, follower_id);
create index follow_following on follow (follower_id, status, since desc, user_id);

-- blocker_id blocked blocked_id: both are hidden from each other everywhere.
create table block (
    blocker_id uuid        not null,
    blocked_id uuid        not null,
    since      timestamptz not null,
    primary key (blocker_id, blocked_id),
    check (blocker_id <> blocked_id)
);
create index block_blocked on block (blocked_id, blocker_id);

-- muter_id does not want muted_id's activities in the feed, and still follows them.
create table mute (
    muter_id uuid        not null,
    muted_id uuid        not null,
    since    timestamptz not null,
    primary key (muter_id, muted_id),
    check (muter_id <> muted_id)
);

-- Every change of a pair (follow, request, block) takes the next number; events carry it, so a
-- consumer applies an event only when it is newer than the last it applied for that pair.
create sequence graph_version;
