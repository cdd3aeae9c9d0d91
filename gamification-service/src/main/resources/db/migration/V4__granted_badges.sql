-- Badges granted by promotions (promo-service's RewardGranted with reward = badge, ADR 0028). Not
-- derived: no workout earns them, so a fold neither writes nor removes them, and a rebuild keeps
-- them. One row per athlete and badge: the first grant holds it, the same badge from a second
-- campaign (or the same grant delivered again) changes nothing. The athlete's badges list shows
-- them as tier 0 next to the earned ones (an earned badge of the same name and tier is shown once).
create table granted_badge (
    user_id      uuid        not null,
    badge        varchar(64) not null check (badge ~ '^[a-z0-9_]{1,64}$'),
    title        varchar(80) not null,
    campaign_id  uuid        not null,
    grant_id     uuid        not null,
    granted_at   timestamptz not null,
    primary key (user_id, badge)
);
