package io.stride.integration.delivery;

import io.stride.integration.config.IntegrationProperties;
import io.stride.integration.safety.AddressPolicy;
import io.stride.integration.safety.RefusedAddressException;
import io.stride.integration.safety.TargetUrls;
import io.stride.integration.safety.TargetUrls.InvalidTargetException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Sends one signed webhook. The client's resolver is the {@link AddressPolicy}: a host is resolved
 * once per connection and the connection goes to exactly the addresses checked (so a name that
 * changes its answer between a check and the connect cannot slip inside); redirects are never
 * followed, nothing is retried here, no proxy or cookie is used, the answer's body is read up to 64
 * KB and dropped, and the whole exchange is cut at the timeout.
 */
@Component
class WebhookSender {

  static final int MAX_BODY = 64 * 1024;

  private final CloseableHttpClient client;
  private final TargetUrls targets;
  private final Duration timeout;
  private final ScheduledExecutorService deadlines;

  WebhookSender(IntegrationProperties properties, AddressPolicy policy, TargetUrls targets) {
    this.targets = targets;
    this.timeout = properties.delivery().timeout();
    Timeout limit = Timeout.of(timeout);
    DnsResolver checked = new CheckingResolver(policy);
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(checked)
                    .setMaxConnPerRoute(Math.max(2, properties.delivery().workers()))
                    .setMaxConnTotal(Math.max(4, properties.delivery().workers() * 2))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(limit)
                            .setSocketTimeout(limit)
                            .setTimeToLive(Timeout.ofMinutes(5))
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(false)
                    .setResponseTimeout(limit)
                    .setConnectionRequestTimeout(limit)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent("Stride-Webhooks/1")
            .build();
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "webhook-deadlines");
              thread.setDaemon(true);
              return thread;
            });
  }

  Outcome send(String url, Map<String, String> headers, String body) {
    long started = System.nanoTime();
    URI uri;
    try {
      uri = targets.parse(url);
      if (uri.getScheme().equalsIgnoreCase("http")) {
        targets.check(url); // http only while every address is a loopback one
      }
    } catch (InvalidTargetException e) {
      return new Outcome("invalid_url", null, 0, "url " + e.getMessage());
    }
    HttpPost post = new HttpPost(uri);
    headers.forEach(post::setHeader);
    post.setEntity(
        new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
    ScheduledFuture<?> deadline =
        deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      CloseableHttpResponse response =
          CloseableHttpResponse.adapt(client.executeOpen(null, post, null));
      boolean whole = false;
      try {
        whole = readCapped(response.getEntity());
        return outcomeOf(response.getCode(), elapsed(started));
      } finally {
        if (whole) {
          EntityUtils.consume(response.getEntity()); // all of it was read: keep the connection
          response.close();
        } else {
          response.close(CloseMode.IMMEDIATE); // drop the connection, the rest never read
        }
      }
    } catch (RefusedAddressException e) {
      return new Outcome("refused_address", null, elapsed(started), "host " + e.getMessage());
    } catch (UnknownHostException e) {
      return new Outcome("connect_error", null, elapsed(started), "host not found");
    } catch (SocketTimeoutException e) {
      return new Outcome("timeout", null, elapsed(started), "no answer within " + timeout);
    } catch (ConnectException e) {
      return new Outcome("connect_error", null, elapsed(started), "connection refused");
    } catch (SSLException e) {
      return new Outcome("tls_error", null, elapsed(started), bounded(e.getMessage()));
    } catch (InterruptedIOException e) {
      return new Outcome("timeout", null, elapsed(started), "no answer within " + timeout);
    } catch (IOException e) {
      if (post.isCancelled()) {
        return new Outcome("timeout", null, elapsed(started), "no answer within " + timeout);
      }
      return new Outcome("io_error", null, elapsed(started), e.getClass().getSimpleName());
    } finally {
      deadline.cancel(false);
    }
  }

  private Outcome outcomeOf(int status, long millis) {
    if (millis > timeout.toMillis()) {
      return new Outcome("timeout", status, millis, "answered after the timeout");
    }
    if (status >= 200 && status < 300) {
      return new Outcome("success", status, millis, null);
    }
    if (status >= 300 && status < 400) {
      return new Outcome("redirect", status, millis, "redirects are not followed");
    }
    return new Outcome("http_error", status, millis, "answered " + status);
  }

  @PreDestroy
  void close() throws IOException {
    deadlines.shutdownNow();
    client.close();
  }

  /**
   * Reads at most 64 KB of the answer and drops it: nothing of it is kept or logged.
   *
   * @return whether that was all of it (the stream ended within the cap)
   */
  private static boolean readCapped(HttpEntity entity) throws IOException {
    if (entity == null) {
      return true;
    }
    InputStream in = entity.getContent();
    byte[] buffer = new byte[8192];
    int total = 0;
    while (total <= MAX_BODY) {
      int read = in.read(buffer, 0, Math.min(buffer.length, MAX_BODY + 1 - total));
      if (read == -1) {
        return true;
      }
      total += read;
    }
    return false;
  }

  private static long elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }

  private static String bounded(String text) {
    if (text == null) {
      return "TLS failed";
    }
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  /** The policy as the client's resolver: what it returns is what was checked. */
  private record CheckingResolver(AddressPolicy policy) implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      String bare =
          host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      return policy.resolve(bare, AddressPolicy.Resolver.SYSTEM).toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
      return java.util.Arrays.stream(resolve(host))
          .map(address -> new InetSocketAddress(address, port))
          .toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }
}
