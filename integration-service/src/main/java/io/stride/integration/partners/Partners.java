package io.stride.integration.partners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code partner}. */
@Repository
class Partners {

  private static final String COLUMNS =
      "partner_id, name, contact_email, kind, scopes, client_id, created_at, updated_at";

  private final JdbcClient jdbc;

  Partners(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(PartnerView partner) {
    jdbc.sql("insert into partner (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            partner.id(),
            partner.name(),
            partner.contactEmail(),
            partner.kind(),
            partner.scopes().toArray(String[]::new),
            partner.clientId(),
            Timestamp.from(partner.createdAt()),
            Timestamp.from(partner.updatedAt()))
        .update();
  }

  int update(PartnerView partner) {
    return jdbc.sql(
            """
            update partner set name = ?, contact_email = ?, kind = ?, scopes = ?, client_id = ?,
              updated_at = ?
            where partner_id = ?
            """)
        .params(
            partner.name(),
            partner.contactEmail(),
            partner.kind(),
            partner.scopes().toArray(String[]::new),
            partner.clientId(),
            Timestamp.from(partner.updatedAt()),
            partner.id())
        .update();
  }

  Optional<PartnerView> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from partner where partner_id = ?")
        .param(id)
        .query(Partners::read)
        .optional();
  }

  Optional<UUID> holderOf(String clientId) {
    return jdbc.sql("select partner_id from partner where client_id = ?")
        .param(clientId)
        .query(UUID.class)
        .optional();
  }

  /** Newest first, strictly after ({@code createdAt}, {@code id}) in that order. */
  List<PartnerView> page(Instant createdAt, UUID id, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from partner where (created_at, partner_id) < (?, ?)"
                + " order by created_at desc, partner_id desc limit ?")
        .params(Timestamp.from(createdAt), id, limit)
        .query(Partners::read)
        .list();
  }

  private static PartnerView read(ResultSet rs, int row) throws SQLException {
    return new PartnerView(
        rs.getObject("partner_id", UUID.class),
        rs.getString("name"),
        rs.getString("contact_email"),
        rs.getString("kind"),
        Arrays.asList((String[]) rs.getArray("scopes").getArray()),
        rs.getString("client_id"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
