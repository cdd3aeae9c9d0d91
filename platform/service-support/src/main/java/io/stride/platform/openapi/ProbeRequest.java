package io.stride.platform.openapi;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A request that never arrived: only method and path, for asking the security chain what it would
 * decide ({@link OperationSecurity}). No headers, parameters or body.
 */
final class ProbeRequest {

  /** Spring's DispatcherServlet, mapped to {@code /} as in every Stride service. */
  private static final HttpServletMapping DISPATCHER_SERVLET =
      new HttpServletMapping() {
        @Override
        public String getMatchValue() {
          return "";
        }

        @Override
        public String getPattern() {
          return "/";
        }

        @Override
        public String getServletName() {
          return "dispatcherServlet";
        }

        @Override
        public MappingMatch getMappingMatch() {
          return MappingMatch.DEFAULT;
        }
      };

  private ProbeRequest() {}

  static HttpServletRequest of(String method, String path) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ProbeRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, call, args) ->
                switch (call.getName()) {
                  case "getMethod" -> method;
                  case "getRequestURI", "getServletPath" -> path;
                  case "getContextPath" -> "";
                  case "getRequestURL" -> new StringBuffer("http://localhost" + path);
                  case "getScheme" -> "http";
                  case "getServerName" -> "localhost";
                  case "getServerPort" -> 80;
                  case "getDispatcherType" -> DispatcherType.REQUEST;
                  case "getHttpServletMapping" -> DISPATCHER_SERVLET;
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "removeAttribute" -> attributes.remove((String) args[0]);
                  case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
                  case "getHeaders", "getHeaderNames", "getParameterNames", "getLocales" ->
                      Collections.emptyEnumeration();
                  case "getParameterMap" -> Map.of();
                  case "toString" -> "probe " + method + " " + path;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> defaultValue(call.getReturnType());
                });
  }

  private static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }
}
