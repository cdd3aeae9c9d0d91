package io.stride.bench;

import java.util.List;

/**
 * The statements of {@link RecommendationSeed}, run in {@code recommendation} with the temporary
 * tables {@code bench_ids (n, id)} and {@code bench_regions (r, code, zone)}. Athlete {@code n}
 * lives in region {@code n % 12} (one in 50 has none), one in 20 is private; club {@code c} is in
 * region {@code c % 12}; challenges 1–300 are open, 301–400 over, 401–420 deleted.
 */
final class RecommendationSeedSql {

  private RecommendationSeedSql() {}

  /** Athletes, follows, clubs and members, challenges and participants, the hard rules' rows. */
  static List<String> population(int athletes, int followsEach) {
    return List.of(
            """
            insert into athlete (user_id, display_name, avatar_url, region, time_zone,
                                 account_private, profile_version, main_sport, sports, weekly_hours)
            select i.id, 'Bench Athlete ' || i.n,
                   case when i.n % 2 = 0 then 'https://cdn.stride.example/avatars/' || i.n || '.jpg' end,
                   case when i.n % 50 = 7 then null else r.code end, r.zone, i.n % 20 = 0, 1,
                   s.main, s.main || case s.main when 'run' then ',ride' when 'ride' then ',run' else '' end,
                   round(exp(ln(4) + 0.6 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))::numeric, 2)
            from bench_ids i join bench_regions r on r.r = i.n % 12
            cross join lateral (select (array['run', 'run', 'run', 'run', 'ride', 'ride', 'ride', 'swim',
                                              'trail_run', 'walk', 'hike', 'strength'])[1 + (i.n / 12) % 12] main) s
            """,
            // :follows pseudo-random others each, one in 20 inactive (asked, declined, unfollowed)
            """
            insert into follow (follower_id, user_id, active, version)
            select f.id, t.id, k % 20 <> 0, 1
            from bench_ids f cross join generate_series(1, :follows) k
            join bench_ids t
              on t.n = 1 + (f.n - 1 + 1 + (hashint4(f.n * 31 + k) & 2147483647) % (:athletes - 1)) % :athletes
            on conflict do nothing
            """,
            """
            insert into club (club_id, name, sport, region, country, private, updated_at)
            select md5('bench-club-' || c)::uuid, 'Bench Club ' || c,
                   (array['run', 'ride', 'swim', 'trail_run', null])[1 + c % 5], r.code,
                   split_part(r.code, '-', 1), c % 10 = 0, now()
            from generate_series(0, :clubs - 1) c join bench_regions r on r.r = c % 12
            """,
            // 0 to 3 clubs of the athlete's region
            """
            insert into club_member (club_id, athlete_id)
            select md5('bench-club-' || (i.n % 12 + 12 * ((hashint4(i.n * 7 + k) & 2147483647) % :per_region)))::uuid, i.id
            from bench_ids i cross join generate_series(1, 3) k
            where k <= i.n % 4
            on conflict do nothing
            """,
            """
            insert into challenge (challenge_id, title, goal, target, sport, starts_at, ends_at, scope,
                                   region, club_id, sponsored, changed_at, deleted)
            select md5('bench-challenge-' || c)::uuid, 'Bench Challenge ' || c,
                   (array['distance', 'moving_time', 'count'])[1 + c % 3],
                   (array[100000, 36000, 12])[1 + c % 3],
                   (array['run', 'ride', 'swim', null])[1 + c % 4],
                   case when c <= 300 then now() - make_interval(days => c % 30)
                        else now() - interval '60 days' end,
                   case when c <= 300 then now() + make_interval(days => 2 + c % 60)
                        else now() - make_interval(days => 1 + c % 20) end,
                   case when c % 10 < 6 then 'everyone' when c % 10 < 9 then 'region' else 'club' end,
                   case when c % 10 between 6 and 8 then (select code from bench_regions where r = c % 12) end,
                   case when c % 10 = 9 then md5('bench-club-' || c % :clubs)::uuid end,
                   c % 25 = 0, now(), c > 400
            from generate_series(1, 420) c
            """,
            """
            insert into challenge_participant (challenge_id, athlete_id)
            select md5('bench-challenge-' || (1 + (hashint4(i.n * 13 + k) & 2147483647) % 400))::uuid, i.id
            from bench_ids i cross join generate_series(1, 2) k
            on conflict do nothing
            """,
            """
            insert into departure (athlete_id, kind, target_id, left_at)
            select i.id, 'club', md5('bench-club-' || (i.n % 12 + 12 * ((hashint4(i.n) & 2147483647) % :per_region)))::uuid,
                   now() - interval '3 days'
            from bench_ids i where i.n % 20 = 3
            union all
            select i.id, 'challenge', md5('bench-challenge-' || (1 + i.n % 300))::uuid, now() - interval '2 days'
            from bench_ids i where i.n % 20 = 4
            on conflict do nothing
            """,
            """
            insert into dismissal (user_id, kind, target_id, dismissed_at)
            select i.id, 'person', t.id, now() - interval '1 day'
            from bench_ids i cross join generate_series(1, 2) k
            join bench_ids t on t.n = 1 + (i.n + k * 7919) % :athletes
            where i.n % 10 = 1
            union all
            select i.id, 'challenge', md5('bench-challenge-' || (1 + (i.n + 17) % 300))::uuid, now() - interval '1 day'
            from bench_ids i where i.n % 20 = 5
            union all
            select i.id, 'club', md5('bench-club-' || (i.n % 12 + 12 * ((i.n / 12 + 5) % :per_region)))::uuid,
                   now() - interval '1 day'
            from bench_ids i where i.n % 20 = 6
            on conflict do nothing
            """,
            """
            insert into blocked_pair (blocker_id, blocked_id, blocked, version)
            select i.id, t.id, true, 1 from bench_ids i join bench_ids t on t.n = 1 + (i.n + 50021) % :athletes
            where i.n % 200 = 9
            on conflict do nothing
            """,
            """
            insert into training_state (user_id, day, fitness, fatigue, form, acwr, readiness, reasons,
                                        computed_at)
            select i.id, (now() at time zone r.zone)::date, 40 + i.n % 40, 35 + i.n % 45,
                   (40 + i.n % 40) - (35 + i.n % 45), 0.8 + (i.n % 60) / 100.0, 40 + i.n % 60, '', now()
            from bench_ids i join bench_regions r on r.r = i.n % 12
            """,
            """
            insert into training_suggestion (user_id, day, suggestion, reasons, numbers, computed_at)
            select i.id, (now() at time zone r.zone)::date,
                   (array['rest', 'easy', 'steady', 'hard', 'long'])[1 + i.n % 5],
                   '[{"code":"steady-base","value":"' || ((40 + i.n % 40) - (35 + i.n % 45)) || '"}]',
                   '{"readiness":' || (40 + i.n % 60) || ',"form":5.0,"fitness":50.0,"fatigue":45.0,'
                     || '"acuteChronicRatio":1.1,"stateDay":"' || (now() at time zone r.zone)::date
                     || '","daysSinceDemanding":2,"daysInARow":1,"longInLastWeek":false}',
                   now()
            from bench_ids i join bench_regions r on r.r = i.n % 12
            """,
            // computed a moment ago: the sweep recomputes only lists older than 24 h
            """
            insert into refresh (user_id, due_at, computed_at)
            select id, null, now() from bench_ids
            """)
        .stream()
        .map(sql -> bind(sql, athletes, followsEach))
        .toList();
  }

  /** Every athlete's precomputed lists, in key order. */
  static List<String> lists(int athletes, int people, int challenges, int clubs) {
    return List.of(
            // distinct others: the steps are prime to the population
            """
            insert into suggestion (user_id, kind, rank, target_id, score, reasons)
            select i.id, 'person', j, t.id, round((3.0 - j * 0.05)::numeric, 3),
              case j % 3
                when 0 then '[{"code":"friends-in-common","count":' || (1 + j % 5)
                            || ',"clubId":null,"clubName":null,"sport":null}]'
                when 1 then '[{"code":"club","count":1,"clubId":"' || md5('bench-club-' || i.n % 12)::uuid
                            || '","clubName":"Bench Club ' || i.n % 12 || '","sport":null},'
                            || '{"code":"nearby","count":null,"clubId":null,"clubName":null,"sport":"run"}]'
                else '[{"code":"nearby","count":null,"clubId":null,"clubName":null,"sport":"run"}]' end
            from bench_ids i cross join generate_series(1, :people) j
            join bench_ids t on t.n = 1 + (i.n - 1 + j * 3001) % :athletes
            order by i.id, j
            """,
            """
            insert into suggestion (user_id, kind, rank, target_id, score, reasons)
            select i.id, 'challenge', j, md5('bench-challenge-' || (1 + (i.n + j * 37) % 300))::uuid,
                   round((2.0 - j * 0.05)::numeric, 3),
                   case j % 2
                     when 0 then '[{"code":"sport","count":null,"sport":"run","percent":null},'
                                 || '{"code":"goal-fits","count":null,"sport":null,"percent":80}]'
                     else '[{"code":"friends","count":2,"sport":null,"percent":null}]' end
            from bench_ids i cross join generate_series(1, :challenge_entries) j
            order by i.id, j
            """,
            // clubs of the athlete's region (none without a region, as the refresher stores)
            """
            insert into suggestion (user_id, kind, rank, target_id, score, reasons)
            select i.id, 'club', j,
                   md5('bench-club-' || (i.n % 12 + 12 * ((i.n / 12 + j * 7) % :per_region)))::uuid,
                   round((2.0 - j * 0.05)::numeric, 3),
                   case j % 2
                     when 0 then '[{"code":"local","count":null,"sport":null,"percent":null}]'
                     else '[{"code":"sport","count":null,"sport":"run","percent":null},'
                          || '{"code":"friends","count":1,"sport":null,"percent":null}]' end
            from bench_ids i cross join generate_series(1, :club_entries) j
            where i.n % 50 <> 7
            order by i.id, j
            """)
        .stream()
        .map(
            sql ->
                bind(sql, athletes, 0)
                    .replace(":people", String.valueOf(people))
                    .replace(":challenge_entries", String.valueOf(challenges))
                    .replace(":club_entries", String.valueOf(clubs)))
        .toList();
  }

  private static String bind(String sql, int athletes, int followsEach) {
    return sql.replace(":athletes", String.valueOf(athletes))
        .replace(":follows", String.valueOf(followsEach))
        .replace(":clubs", String.valueOf(RecommendationSeed.CLUBS))
        .replace(":per_region", String.valueOf(RecommendationSeed.CLUBS_PER_REGION));
  }
}
