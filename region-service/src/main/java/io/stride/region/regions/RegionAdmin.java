package io.stride.region.regions;

import io.stride.platform.security.Caller;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.InvalidRequestException.FieldError;
import io.stride.platform.web.NotFoundException;
import io.stride.platform.web.PreconditionFailedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Admins' changes to regions (ADR 0023): checked against {@link RegionRules}, conditional on the
 * entity tag the admin read ({@code If-Match}, compared inside the transaction with the row
 * locked), audited and published ({@link RegionPublication}) in the same transaction, and served by
 * {@link RegionDirectory} once committed.
 */
@Service
class RegionAdmin {

  /** A subdivision may stop overriding any setting. */
  static final Set<String> INHERITABLE = RegionSettings.NAMES;

  private final RegionRepository regions;
  private final RegionDirectory directory;
  private final RegionPublication publication;
  private final JdbcClient jdbc;
  private final Clock clock;

  RegionAdmin(
      RegionRepository regions,
      RegionDirectory directory,
      RegionPublication publication,
      JdbcClient jdbc,
      Clock clock) {
    this.regions = regions;
    this.directory = directory;
    this.publication = publication;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Creates a region; the same request again finds it (a retry changes nothing), another one for an
   * existing code is a conflict.
   */
  @Transactional
  RegionDirectory.Entry create(Caller caller, CreateRegionRequest request) {
    String code = request.code();
    String country = code.substring(0, 2);
    boolean subdivision = code.length() > 2;
    List<FieldError> problems = new ArrayList<>(RegionRules.problems(code, request.settings()));
    // every write in a country locks the country's row first (ADR 0024): they run one after the
    // other, so each computes its regions' revisions from the settings the one before committed
    if (subdivision && regions.findForUpdate(country).isEmpty()) {
      problems.add(
          new FieldError("code", "country " + country + " is not a region yet: create it first"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String settings = directory.jsonOf(request.settings());
    var existing = regions.findForUpdate(code);
    if (existing.isPresent()) {
      Region region = existing.get();
      if (region.name().equals(request.name())
          && directory.settingsOf(region).equals(request.settings())) {
        return entry(region);
      }
      throw new ConflictException(
          "Region " + code + " exists: change it with PATCH /api/v1/regions/" + code);
    }
    Region region =
        regions.saveAndFlush(
            new Region(
                code,
                country,
                subdivision ? country : null,
                request.name(),
                settings,
                clock.instant()));
    audit(region, caller, "created", null);
    RegionDirectory.Entry created = publication.publishChangesIn(country).get(code);
    reloadAfterCommit();
    return created;
  }

  /** Applies {@code change} if {@code ifMatch} is the region's current entity tag. */
  @Transactional
  RegionDirectory.Entry change(
      Caller caller, String code, @Nullable String ifMatch, UpdateRegionRequest change) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw PreconditionFailedException.missing(
          "Send If-Match with the ETag of GET /api/v1/regions/"
              + code
              + ", so no change made meanwhile is lost");
    }
    if (code.length() > 2) {
      regions.findForUpdate(code.substring(0, 2)); // the country's lock first, as in create
    }
    Region region =
        regions.findForUpdate(code).orElseThrow(() -> new NotFoundException("No region " + code));
    String current = entry(region).entityTag();
    if (!ifMatch.trim().equals(current)) {
      throw PreconditionFailedException.stale(
          "Region "
              + code
              + " changed since that ETag was read (now "
              + current
              + "): read it again and redo the change");
    }
    RegionSettings before = directory.settingsOf(region);
    RegionSettings after = merged(region, before, change);
    List<FieldError> problems = RegionRules.problems(code, after);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String beforeJson = auditJson(region.name(), before);
    region.change(
        change.name() != null ? change.name() : region.name(),
        directory.jsonOf(after),
        clock.instant());
    regions.saveAndFlush(region);
    audit(region, caller, "changed", beforeJson);
    RegionDirectory.Entry changed = publication.publishChangesIn(region.country()).get(code);
    reloadAfterCommit();
    return changed;
  }

  /** A region's audit trail, newest first, after the entry {@code beforeId} when given. */
  @Transactional(readOnly = true)
  List<AuditEntry> audit(String code, @Nullable Long beforeId, int limit) {
    if (regions.findById(code).isEmpty()) {
      throw new NotFoundException("No region " + code);
    }
    return jdbc.sql(
            "select id, code, changed_at, actor, action, before::text as before, after::text as after"
                + " from region_audit where code = ? and id < ? order by id desc limit ?")
        .params(code, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
        .query(
            (row, number) ->
                new AuditEntry(
                    row.getLong("id"),
                    row.getString("code"),
                    row.getTimestamp("changed_at").toInstant(),
                    row.getString("actor"),
                    row.getString("action"),
                    row.getString("before") == null
                        ? null
                        : directory.parse(row.getString("before")),
                    directory.parse(row.getString("after"))))
        .list();
  }

  private static RegionSettings merged(
      Region region, RegionSettings stored, UpdateRegionRequest change) {
    RegionSettings given = change.settings();
    RegionSettings next = given == null ? stored : given.over(stored);
    List<String> inherit = change.inherit() == null ? List.of() : change.inherit();
    if (!inherit.isEmpty() && region.parentCode() == null) {
      throw InvalidRequestException.of(
          "inherit", "a country inherits from nobody: give its settings instead");
    }
    for (String field : inherit) {
      if (!INHERITABLE.contains(field)) {
        throw InvalidRequestException.of(
            "inherit",
            field
                + " is not a setting ("
                + String.join(", ", new java.util.TreeSet<>(INHERITABLE))
                + ")");
      }
    }
    return new RegionSettings(
        inherit.contains("units") ? null : next.units(),
        inherit.contains("locales") ? null : next.locales(),
        inherit.contains("defaultLocale") ? null : next.defaultLocale(),
        inherit.contains("currency") ? null : next.currency(),
        inherit.contains("timeZones") ? null : next.timeZones(),
        inherit.contains("minimumAge") ? null : next.minimumAge(),
        inherit.contains("legal") ? null : next.legal(),
        inherit.contains("flags") ? null : next.flags());
  }

  private RegionDirectory.Entry entry(Region region) {
    Map<String, Region> rows = RegionDirectory.byCode(regions.findByCountry(region.country()));
    rows.put(region.code(), region);
    return directory.entryOf(region, rows);
  }

  private void audit(Region region, Caller caller, String action, @Nullable String before) {
    jdbc.sql(
            "insert into region_audit (code, changed_at, actor, action, before, after)"
                + " values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))")
        .params(
            region.code(),
            java.sql.Timestamp.from(clock.instant()),
            actor(caller),
            action,
            before,
            auditJson(region.name(), directory.settingsOf(region)))
        .update();
  }

  private String auditJson(String name, RegionSettings settings) {
    Map<String, Object> stored = new TreeMap<>();
    stored.put("name", name);
    stored.put("settings", settings);
    return directory.jsonOf(stored);
  }

  private static String actor(Caller caller) {
    return caller.isUser()
        ? "user:" + caller.userId()
        : "client:" + Objects.requireNonNull(caller.clientId());
  }

  private void reloadAfterCommit() {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            directory.reload();
          }
        });
  }
}
