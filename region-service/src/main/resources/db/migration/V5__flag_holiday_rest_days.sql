-- The flag holiday_rest_days (gamification-service, ADR 0028): a region's public holidays leave a
-- daily streak intact. On in every country (a subdivision inherits it); operators switch it off
-- per region. A country sets every flag, so each gets it here; the version moves, so the start
-- publishes every region's new effective settings (RegionPublication).
update region
set settings = jsonb_set(settings, '{flags,holiday_rest_days}', 'true'::jsonb),
    version = version + 1,
    updated_at = now()
where parent_code is null;
