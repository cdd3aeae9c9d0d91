package io.stride.notification.types;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Every notification type the sources declare, by name, collected once every bean exists (the
 * sources themselves need the inbox, which needs the types); a name declared twice stops the start.
 */
@Component
public class NotificationTypes implements SmartInitializingSingleton {

  private final ObjectProvider<NotificationSource> sources;
  private volatile Map<String, NotificationType> byName;

  NotificationTypes(ObjectProvider<NotificationSource> sources) {
    this.sources = sources;
  }

  @Override
  public void afterSingletonsInstantiated() {
    byName();
  }

  public Optional<NotificationType> find(String name) {
    return Optional.ofNullable(byName().get(name));
  }

  public NotificationType get(String name) {
    return find(name).orElseThrow(() -> new IllegalStateException("no notification type " + name));
  }

  public Collection<NotificationType> all() {
    return byName().values();
  }

  private Map<String, NotificationType> byName() {
    Map<String, NotificationType> known = byName;
    if (known == null) {
      synchronized (this) {
        if (byName == null) {
          Map<String, NotificationType> collected = new LinkedHashMap<>();
          sources
              .orderedStream()
              .flatMap(source -> source.types().stream())
              .forEach(
                  type -> {
                    if (collected.put(type.name(), type) != null) {
                      throw new IllegalStateException(
                          "notification type " + type.name() + " declared twice");
                    }
                  });
          byName = Map.copyOf(collected);
        }
        known = byName;
      }
    }
    return known;
  }
}
