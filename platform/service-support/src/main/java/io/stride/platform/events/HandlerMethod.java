package io.stride.platform.events;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.springframework.util.ReflectionUtils;

/** One {@link EventHandler} method: the event type it takes and how to call it. */
record HandlerMethod(
    Object bean, Method method, Class<? extends StrideEvent> eventType, boolean takesEnvelope) {

  static HandlerMethod of(Object bean, Method method) {
    String where = method.getDeclaringClass().getName() + "." + method.getName();
    if (method.getParameterCount() != 1) {
      throw new IllegalStateException(
          "@EventHandler " + where + " must take exactly one event or EventEnvelope<event>");
    }
    Type parameter = method.getGenericParameterTypes()[0];
    boolean envelope = false;
    if (parameter instanceof ParameterizedType generic
        && generic.getRawType() == EventEnvelope.class) {
      parameter = generic.getActualTypeArguments()[0];
      envelope = true;
    }
    if (!(parameter instanceof Class<?> type) || !StrideEvent.class.isAssignableFrom(type)) {
      throw new IllegalStateException(
          "@EventHandler " + where + " takes " + parameter + ", not a StrideEvent record");
    }
    ReflectionUtils.makeAccessible(method);
    return new HandlerMethod(bean, method, type.asSubclass(StrideEvent.class), envelope);
  }

  void invoke(EventEnvelope<?> envelope) {
    try {
      method.invoke(bean, takesEnvelope ? envelope : envelope.payload());
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  String describe() {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }
}
