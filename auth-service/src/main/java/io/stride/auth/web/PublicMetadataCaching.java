package io.stride.auth.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The discovery documents are the same for everyone: public for five minutes, with an entity tag,
 * so a CDN and client libraries cache them and revalidate with {@code If-None-Match} (304). The
 * JWKS is not cached: a rotated key signs at once, and a key set cached from before the rotation
 * would refuse new tokens until it expired.
 */
@Configuration
class PublicMetadataCaching {

  static final String CACHE_CONTROL = "public, max-age=300";

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> publicMetadataCache() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
        new FilterRegistrationBean<>(new PublicFor5Minutes());
    registration.addUrlPatterns(
        "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server");
    // before Spring Security, whose header writer leaves a Cache-Control it finds alone
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  private static final class PublicFor5Minutes extends ShallowEtagHeaderFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("Vary", "Accept-Encoding");
      }
      super.doFilterInternal(request, response, chain);
    }
  }
}
