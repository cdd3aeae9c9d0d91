-- recommendation-service: local copies of what other services announced (profiles, follows, clubs,
-- challenges, workouts, training state), the athletes' answers (feedback, dismissals) and the
-- precomputed lists the API reads (docs/recommendations.md, ADR 0036). Blocks are the platform's
-- blocked_pair.

-- The athlete as the profile announced it, and what their own recent workouts say of them
-- (main sport, sports, weekly hours of the workouts others may see: filled at each refresh of
-- their lists).
create table athlete (
    user_id          uuid         primary key,
    display_name     varchar(200) not null default '',
    avatar_url       varchar(2048),
    region           varchar(10),
    time_zone        varchar(64)  not null default 'UTC',
    account_private  boolean      not null default false,
    profile_version  bigint       not null,
    main_sport       varchar(32),
    sports           varchar(400) not null default '',
    weekly_hours     double precision not null default 0
);
create index athlete_nearby on athlete (region, main_sport, weekly_hours)
    where not account_private;

-- Follows keep their pair's version and stay as inactive rows when ended (replays go nowhere); a
-- request waiting for approval is an inactive row too. Anyone with a row, active or not, is never
-- suggested to the follower: followed, asked, declined, removed or unfollowed, they know them.
create table follow (
    follower_id  uuid    not null,
    user_id      uuid    not null,
    active       boolean not null,
    version      bigint  not null,
    primary key (follower_id, user_id)
);
create index follow_followers on follow (user_id, follower_id) where active;

create table club (
    club_id      uuid         primary key,
    name         varchar(100) not null,
    sport        varchar(32),
    region       varchar(10)  not null,
    country      varchar(10)  not null,
    private      boolean      not null,
    updated_at   timestamptz  not null
);
create index club_nearby on club (country, region);

create table club_member (
    club_id     uuid not null,
    athlete_id  uuid not null,
    primary key (club_id, athlete_id)
);
create index club_member_athlete on club_member (athlete_id);

create table challenge (
    challenge_id  uuid          primary key,
    title         varchar(120)  not null,
    goal          varchar(16)   not null,
    target        bigint        not null,
    sport         varchar(32),
    starts_at     timestamptz   not null,
    ends_at       timestamptz   not null,
    scope         varchar(8)    not null,
    region        varchar(10),
    club_id       uuid,
    sponsored     boolean       not null,
    changed_at    timestamptz   not null,
    deleted       boolean       not null default false
);
create index challenge_open on challenge (ends_at) where not deleted;

create table challenge_participant (
    challenge_id  uuid not null,
    athlete_id    uuid not null,
    primary key (challenge_id, athlete_id)
);
create index challenge_participant_athlete on challenge_participant (athlete_id);

-- Clubs and challenges the athlete left: never suggested to them again.
create table departure (
    athlete_id  uuid        not null,
    kind        varchar(16) not null check (kind in ('club', 'challenge')),
    target_id   uuid        not null,
    left_at     timestamptz not null,
    primary key (athlete_id, kind, target_id)
);

-- The workouts of the last twelve weeks (older ones are pruned): the recent pattern, the sports
-- and the level. hard: perceived effort 7 or more, or 20 minutes (and a quarter of the moving
-- time) in heart-rate zones 4 and 5. Only workouts others may see (shown) say what the athlete
-- does to others (sports and level for people nearby).
create table workout (
    workout_id     uuid             primary key,
    user_id        uuid             not null,
    sport          varchar(32)      not null,
    start_time     timestamptz      not null,
    moving_s       bigint           not null,
    distance_m     double precision,
    elevation_m    double precision,
    hard           boolean          not null,
    shown          boolean          not null,
    version        bigint           not null
);
create index workout_recent on workout (user_id, start_time desc);

-- The latest training state analytics-service announced per athlete.
create table training_state (
    user_id       uuid             primary key,
    day           date             not null,
    fitness       double precision not null,
    fatigue       double precision not null,
    form          double precision not null,
    acwr          double precision,
    readiness     integer,
    reasons       varchar(400)     not null default '',
    computed_at   timestamptz      not null
);

-- The athlete's answers to training suggestions: one per day and kind suggested (after "not
-- today" to a hard day, the easy day offered instead can be answered too).
create table training_feedback (
    user_id     uuid        not null,
    day         date        not null,
    suggestion  varchar(8)  not null,
    response    varchar(12) not null check (response in ('accepted', 'dismissed', 'not-today')),
    answered_at timestamptz not null,
    primary key (user_id, day, suggestion)
);

-- People, challenges and clubs the athlete does not want suggested.
create table dismissal (
    user_id       uuid        not null,
    kind          varchar(16) not null check (kind in ('person', 'challenge', 'club')),
    target_id     uuid        not null,
    dismissed_at  timestamptz not null,
    primary key (user_id, kind, target_id)
);

-- The precomputed lists: rank 1 is the best; reasons as JSON, texts rendered on read.
create table suggestion (
    user_id      uuid             not null,
    kind         varchar(16)      not null check (kind in ('person', 'challenge', 'club')),
    rank         integer          not null,
    target_id    uuid             not null,
    score        double precision not null,
    reasons      text             not null,
    primary key (user_id, kind, rank)
);

create table training_suggestion (
    user_id      uuid        primary key,
    day          date        not null,
    suggestion   varchar(8)  not null,
    reasons      text        not null,
    numbers      text        not null,
    computed_at  timestamptz not null
);

-- When each athlete's lists were last computed, and when they are due again (events set due_at).
create table refresh (
    user_id      uuid        primary key,
    due_at       timestamptz,
    computed_at  timestamptz
);
create index refresh_due on refresh (due_at) where due_at is not null;
