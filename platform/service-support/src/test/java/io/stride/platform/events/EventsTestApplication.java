package io.stride.platform.events;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.Topic;
import io.stride.contracts.TopicRegistry;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A one-table service for testing the event plumbing: it publishes notes and consumes them back.
 * Its topics and catalog entry are its own ({@code events-test.*} changes the entry).
 */
@SpringBootApplication
class EventsTestApplication {

  static final Topic NOTES =
      Topic.of(
          "stride.eventstest.notes", "events-test-service", NoteTaken.class, NoteArchived.class);
  static final Topic THINGS =
      Topic.of("stride.eventstest.things", "other-service", ThingHappened.class);

  /** A state topic it writes and, to test following, also follows itself. */
  static final Topic SETTINGS =
      Topic.state("stride.eventstest.settings", "events-test-service", SettingChanged.class);

  @Bean
  TopicRegistry testTopics() {
    return new TopicRegistry(List.of(NOTES, THINGS, SETTINGS));
  }

  @Bean
  DeclaredTopics testEntry(
      @Value("${events-test.publishes:stride.eventstest.notes,stride.eventstest.settings}")
          Set<String> publishes,
      @Value("${events-test.consumes:stride.eventstest.notes}") Set<String> consumes,
      @Value("${events-test.follows:stride.eventstest.settings}") Set<String> follows) {
    return new DeclaredTopics("events-test-service", publishes, consumes, follows);
  }

  /** The settings as this replica's follower has them: the highest revision per key. */
  @Bean
  SettingsCopy settingsCopy() {
    return new SettingsCopy(new ConcurrentHashMap<>());
  }

  @Bean
  StateSubscription<SettingChanged> settingsSubscription(SettingsCopy copy) {
    return new StateSubscription<>(SettingChanged.class, envelope -> copy.keep(envelope.payload()));
  }

  /** One key's whole state; the newer revision wins. */
  @EventType(name = "SettingChanged")
  record SettingChanged(String key, String value, long revision) implements StrideEvent {
    @Override
    public String subject() {
      return key;
    }
  }

  record SettingsCopy(ConcurrentHashMap<String, SettingChanged> settings) {
    void keep(SettingChanged offered) {
      settings.merge(
          offered.key(), offered, (held, next) -> next.revision() > held.revision() ? next : held);
    }
  }

  @Bean
  Poison poison() {
    return new Poison(new AtomicBoolean());
  }

  /** The Java name differs from the wire name on purpose: dispatch must use the wire name. */
  @EventType(name = "NoteWritten", version = 1)
  record NoteTaken(UUID noteId, String text) implements StrideEvent {
    @Override
    public String subject() {
      return noteId.toString();
    }
  }

  /** On the notes topic, but the application has no handler for it. */
  @EventType(name = "NoteArchived")
  record NoteArchived(UUID noteId) implements StrideEvent {
    @Override
    public String subject() {
      return noteId.toString();
    }
  }

  /** On a topic another service publishes. */
  @EventType(name = "ThingHappened")
  record ThingHappened(UUID id) implements StrideEvent {
    @Override
    public String subject() {
      return id.toString();
    }
  }

  /** While not {@code fixed}, notes whose text starts with "poison" fail to apply. */
  record Poison(AtomicBoolean fixed) {}

  @Component
  static class NoteHandler {

    private final JdbcTemplate jdbc;
    private final Poison poison;

    NoteHandler(JdbcTemplate jdbc, Poison poison) {
      this.jdbc = jdbc;
      this.poison = poison;
    }

    @EventHandler
    void on(NoteTaken note) {
      jdbc.update("insert into note (note_id, text) values (?, ?)", note.noteId(), note.text());
      if (note.text().startsWith("poison") && !poison.fixed().get()) {
        throw new IllegalStateException("cannot apply " + note.text() + " yet");
      }
    }
  }
}
