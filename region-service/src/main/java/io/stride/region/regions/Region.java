package io.stride.region.regions;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of {@code region}: a country or a subdivision and the settings it stores. */
@Entity
@Table(name = "region")
class Region {

  @Id private String code;
  private String country;
  private String parentCode;
  private String name;

  /** {@link RegionSettings} as JSON: all of them for a country, the overrides for a subdivision. */
  @JdbcTypeCode(SqlTypes.JSON)
  private String settings;

  @Version private long version;
  private Instant updatedAt;

  protected Region() {}

  Region(
      String code, String country, String parentCode, String name, String settings, Instant now) {
    this.code = code;
    this.country = country;
    this.parentCode = parentCode;
    this.name = name;
    this.settings = settings;
    this.updatedAt = now;
  }

  void change(String name, String settings, Instant now) {
    this.name = name;
    this.settings = settings;
    this.updatedAt = now;
  }

  String code() {
    return code;
  }

  String country() {
    return country;
  }

  String parentCode() {
    return parentCode;
  }

  String name() {
    return name;
  }

  String settingsJson() {
    return settings;
  }

  long version() {
    return version;
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
