-- The limits many grants count against at once — a campaign's budget, a shared code's cap — are
-- split into shards that each hold a share of the limit (ADR 0035). A grant takes one unit from a
-- shard no other grant holds, so concurrent grants no longer queue on one row until each commit;
-- the sum of the shards' caps is the limit, and no shard goes above its cap: exact as before.

create table budget_shard (
    campaign_id uuid     not null references campaign (id),
    shard       smallint not null,
    cap         integer  not null check (cap >= 0),
    used        integer  not null default 0 check (used <= cap),
    primary key (campaign_id, shard)
);

create table code_shard (
    code_hash bytea    not null references promo_code (hash),
    shard     smallint not null,
    cap       integer  not null check (cap >= 0),
    used      integer  not null default 0 check (used <= cap),
    primary key (code_hash, shard)
);

-- what the single counters held carries over as one shard each
insert into budget_shard (campaign_id, shard, cap, used)
select id, 0,
       greatest(granted, least(budget_rewards,
           case when budget_money is null or coalesce(reward_value, 0) = 0 then budget_rewards
                else floor(budget_money / reward_value)::integer end)),
       granted
from campaign where state <> 'draft';

insert into code_shard (code_hash, shard, cap, used)
select hash, 0, cap, redeemed from promo_code where kind = 'shared';

update promo_code set redeemed = 0 where kind = 'shared';

-- granted is the budget shards' sum now, and spent is granted times the reward's value
alter table campaign drop column granted, drop column spent;

comment on column promo_code.redeemed is 'single-use codes only; a shared code counts in code_shard';
