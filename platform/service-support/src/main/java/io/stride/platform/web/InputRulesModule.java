package io.stride.platform.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link InputBounds} to every string (values, collection elements, map values) and every
 * point in time in a JSON request body, by wrapping Jackson's own deserializers for those types.
 * Registered with every service's JSON mapper.
 */
final class InputRulesModule extends SimpleModule {

  private static final Set<Class<?>> TIMES =
      Set.of(
          Instant.class,
          LocalDate.class,
          LocalDateTime.class,
          OffsetDateTime.class,
          ZonedDateTime.class);

  InputRulesModule() {
    super("stride-input-rules");
    setDeserializerModifier(new Modifier());
  }

  private static final class Modifier extends ValueDeserializerModifier {

    @Override
    public ValueDeserializer<?> modifyDeserializer(
        DeserializationConfig config,
        BeanDescription.Supplier description,
        ValueDeserializer<?> deserializer) {
      Class<?> type = description.getBeanClass();
      if (type == String.class) {
        return new Checked(deserializer, value -> InputBounds.textProblem((String) value));
      }
      if (TIMES.contains(type)) {
        return new Checked(deserializer, InputBounds::timeProblem);
      }
      return deserializer;
    }
  }

  /** Jackson's deserializer for the type, then the check; a failure names the field. */
  private static final class Checked extends DelegatingDeserializer {

    private final Function<Object, String> check;

    Checked(ValueDeserializer<?> delegate, Function<Object, String> check) {
      super(delegate);
      this.check = check;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new Checked(delegate, check);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws JacksonException {
      Object value;
      try {
        value = super.deserialize(parser, context);
      } catch (DateTimeException | ArithmeticException outOfRange) {
        throw new InvalidInputException(parser, InputBounds.range(), handledType());
      } catch (DatabindException wrapped) {
        // the java.time deserializers of local dates and times wrap what the JDK refused
        if (wrapped.getCause() instanceof DateTimeException) {
          String like = handledType() == LocalDate.class ? "2026-12-01" : "2026-12-01T08:30:00";
          throw new InvalidInputException(
              parser,
              "is not a time like "
                  + like
                  + " "
                  + InputBounds.range().replaceFirst("^must be ", ""),
              handledType());
        }
        throw wrapped;
      }
      String problem = value == null ? null : check.apply(value);
      if (problem != null) {
        throw new InvalidInputException(parser, problem, handledType());
      }
      return value;
    }

    @Override
    public Class<?> handledType() {
      return _delegatee.handledType();
    }
  }
}
