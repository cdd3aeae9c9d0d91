-- social-service now feeds the follower table (Followed / Unfollowed on stride.social.graph).
-- The last version applied per pair, kept after an unfollow too, so that a replayed older event
-- (a dead letter sent again, a topic read from the start) never brings a follow back.
create table follow_version (
    owner_id    uuid   not null,
    follower_id uuid   not null,
    version     bigint not null,
    primary key (owner_id, follower_id)
);
create index follow_version_follower on follow_version (follower_id);
