package io.stride.notification.push;

import io.stride.notification.delivery.DeliveryFailedException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client the push adapters share: bounded connect and request times, no redirects (a
 * push service that redirects is not followed elsewhere), the JDK's trust unless an SSL bundle is
 * named. A request that gets no answer fails as retryable.
 */
@Component
class PushHttp {

  private final HttpClient client;
  private final PushProperties properties;

  PushHttp(PushProperties properties, ObjectProvider<SslBundles> bundles) {
    this.properties = properties;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (properties.sslBundle() != null && !properties.sslBundle().isBlank()) {
      builder.sslContext(bundles.getObject().getBundle(properties.sslBundle()).createSslContext());
    }
    this.client = builder.build();
  }

  HttpRequest.Builder request(java.net.URI uri) {
    return HttpRequest.newBuilder(uri).timeout(properties.requestTimeout());
  }

  HttpResponse<String> send(HttpRequest request, String service) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryFailedException(
          service + " did not answer (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailedException(service + " was interrupted", e);
    }
  }
}
