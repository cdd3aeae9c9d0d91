package io.stride.platform.events;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import java.util.Set;

/**
 * What a service may publish and must consume: its entry in {@code services.yml}, found by {@code
 * spring.application.name}. A test application declares its own.
 *
 * @param service the service name, also the consumer group and inbox consumer
 * @param publishes topics it writes
 * @param consumes topics it reads; each needs a handler, and handlers need nothing else
 * @param follows state topics every replica reads whole; each needs a {@link StateSubscription}
 */
public record DeclaredTopics(
    String service, Set<String> publishes, Set<String> consumes, Set<String> follows) {

  public DeclaredTopics {
    publishes = Set.copyOf(publishes);
    consumes = Set.copyOf(consumes);
    follows = Set.copyOf(follows);
  }

  /** An entry that follows no state topic. */
  public DeclaredTopics(String service, Set<String> publishes, Set<String> consumes) {
    this(service, publishes, consumes, Set.of());
  }

  /** The catalog entry of {@code service}; fails the start when there is none. */
  public static DeclaredTopics fromCatalog(String service) {
    Service entry =
        ServiceCatalog.load()
            .find(service)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "spring.application.name is "
                            + service
                            + ", which has no entry in services.yml: the events a service"
                            + " publishes and consumes are declared there"));
    return new DeclaredTopics(
        service,
        Set.copyOf(entry.publishes()),
        Set.copyOf(entry.consumes()),
        Set.copyOf(entry.follows()));
  }
}
