package io.stride.promo.codes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import io.stride.promo.campaigns.Campaign;
import io.stride.promo.campaigns.CampaignAudit;
import io.stride.promo.campaigns.Campaigns;
import io.stride.promo.campaigns.Reward;
import io.stride.promo.codes.CodeRequests.CodeBatch;
import io.stride.promo.codes.CodeRequests.CouponPool;
import io.stride.promo.codes.CodeRequests.NewCodes;
import io.stride.promo.codes.CodeRequests.NewCoupons;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Making codes in bulk and filling coupon pools, for campaigns that have not ended. */
@Service
class CodeAdmin {

  private static final int CHUNK = 20_000;

  private final Campaigns campaigns;
  private final Codes codes;
  private final Coupons coupons;
  private final CodeKey key;
  private final CampaignAudit audit;
  private final Clock clock;
  private final Timer generation;
  private final MeterRegistry meters;

  CodeAdmin(
      Campaigns campaigns,
      Codes codes,
      Coupons coupons,
      CodeKey key,
      CampaignAudit audit,
      Clock clock,
      MeterRegistry meters) {
    this.campaigns = campaigns;
    this.codes = codes;
    this.coupons = coupons;
    this.key = key;
    this.audit = audit;
    this.clock = clock;
    this.meters = meters;
    this.generation =
        Timer.builder("stride_promo_code_generation_seconds")
            .description("Time to make and store a batch of promo codes")
            .publishPercentileHistogram()
            .register(meters);
  }

  @Transactional
  CodeBatch generate(UUID admin, UUID campaignId, NewCodes request) {
    Campaign campaign = open(campaignId);
    boolean shared = request.kind().equals(PromoCode.SHARED);
    if (shared && request.count() != null) {
      throw InvalidRequestException.of("count", "goes only with single-use codes");
    }
    if (!shared
        && (request.code() != null || request.cap() != null || request.perAthlete() != null)) {
      throw InvalidRequestException.of(
          shared ? "count" : "code", "code, cap and perAthlete go only with shared codes");
    }
    if (shared && request.cap() == null) {
      throw InvalidRequestException.of("cap", "is needed for a shared code");
    }
    Instant now = clock.instant();
    UUID batch = UUID.randomUUID();
    int cap = shared ? request.cap() : 1;
    int perAthlete = shared && request.perAthlete() != null ? request.perAthlete() : 1;
    int wanted = shared ? 1 : request.count() == null ? 1 : request.count();
    codes.insertBatch(batch, campaign.id(), request.kind(), wanted, now);
    List<String> made =
        generation.record(
            () ->
                shared && request.code() != null
                    ? List.of(chosen(request.code(), batch, campaign.id(), cap, perAthlete))
                    : random(wanted, batch, campaign.id(), request.kind(), cap, perAthlete));
    if (shared) {
      codes.shardSharedCaps(batch);
    }
    Counter.builder("stride_promo_codes_generated_total")
        .description("Promo codes made")
        .tag("kind", request.kind())
        .register(meters)
        .increment(made.size());
    Map<String, Object> detail = new HashMap<>();
    detail.put("batchId", batch);
    detail.put("kind", request.kind());
    detail.put("count", made.size());
    detail.put("cap", cap);
    detail.put("perAthlete", perAthlete);
    audit.record(campaign.id(), admin, "codes-generated", detail, now);
    return new CodeBatch(batch, request.kind(), made.size(), cap, perAthlete, made);
  }

  @Transactional
  CouponPool addCoupons(UUID admin, UUID campaignId, NewCoupons request) {
    Campaign campaign = open(campaignId);
    if (!campaign.reward().kind().equals(Reward.PARTNER_COUPON)) {
      throw new ConflictException(
          "This campaign's reward is " + campaign.reward().kind() + ", not partner-coupon.");
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(request.codes()));
    int added = coupons.add(campaign.id(), distinct);
    audit.record(
        campaign.id(),
        admin,
        "coupons-added",
        Map.of("added", added, "duplicates", request.codes().size() - added),
        clock.instant());
    return new CouponPool(added, request.codes().size() - added, coupons.available(campaign.id()));
  }

  private Campaign open(UUID campaignId) {
    Campaign campaign =
        campaigns
            .find(campaignId)
            .orElseThrow(() -> new NotFoundException("No campaign " + campaignId + "."));
    if (campaign.status(clock.instant()).equals("ended")) {
      throw new ConflictException("The campaign has ended; it takes no more codes or coupons.");
    }
    return campaign;
  }

  private String chosen(String code, UUID batch, UUID campaign, int cap, int perAthlete) {
    String normalized = CodeFormat.normalize(code).orElseThrow();
    if (codes.insertCodes(
            List.of(key.hash(normalized)), campaign, batch, PromoCode.SHARED, cap, perAthlete)
        == 0) {
      throw new ConflictException("The code " + normalized + " is taken; choose another.");
    }
    return normalized;
  }

  /** {@code wanted} new random codes, stored in chunks; a rare collision is drawn again. */
  private List<String> random(
      int wanted, UUID batch, UUID campaign, String kind, int cap, int perAthlete) {
    List<String> made = new ArrayList<>(wanted);
    while (made.size() < wanted) {
      int n = Math.min(CHUNK, wanted - made.size());
      Set<String> drawn = new LinkedHashSet<>(n * 2);
      while (drawn.size() < n) {
        drawn.add(CodeFormat.generate());
      }
      List<String> chunk = new ArrayList<>(drawn);
      List<byte[]> hashes = chunk.stream().map(key::hash).toList();
      int stored = codes.insertCodes(hashes, campaign, batch, kind, cap, perAthlete);
      if (stored == chunk.size()) {
        chunk.forEach(code -> made.add(CodeFormat.display(code)));
      } else {
        // a collision with an earlier code (about one in 10^15 draws): keep this batch's own
        Set<String> own = codes.storedIn(batch, hashes);
        for (int i = 0; i < chunk.size(); i++) {
          if (own.contains(HexFormat.of().formatHex(hashes.get(i)))) {
            made.add(CodeFormat.display(chunk.get(i)));
          }
        }
      }
    }
    codes.setBatchCount(batch, made.size());
    return made;
  }
}
