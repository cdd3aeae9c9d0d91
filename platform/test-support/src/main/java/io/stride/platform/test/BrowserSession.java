package io.stride.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser for tests: keeps cookies, does not follow redirects (tests look at them),
 * posts forms with their CSRF token.
 */
public final class BrowserSession {

  private final HttpClient client;
  private final String baseUrl;
  private final Map<String, String> headers;

  public BrowserSession(String baseUrl) {
    this(baseUrl, Map.of());
  }

  /** With extra headers on every request (e.g. a client IP the gateway would forward). */
  public BrowserSession(String baseUrl, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.headers = headers;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public HttpResponse<String> get(String pathOrUrl) {
    return send(request(pathOrUrl).GET().build());
  }

  public HttpResponse<String> postForm(String pathOrUrl, Map<String, String> form) {
    return send(
        request(pathOrUrl)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build());
  }

  /**
   * Posts the page's form whose submit button reads {@code button} with the values its fields hold,
   * as a browser would (repeated names kept, HTML entities in values decoded).
   */
  public HttpResponse<String> submit(HttpResponse<String> page, String button) {
    Matcher forms =
        Pattern.compile("<form([^>]*)>(.*?)</form>", Pattern.DOTALL).matcher(page.body());
    while (forms.find()) {
      String inner = forms.group(2);
      if (!Pattern.compile(">\\s*" + Pattern.quote(button) + "\\s*</button>")
          .matcher(inner)
          .find()) {
        continue;
      }
      String action = attribute(forms.group(1), "action");
      List<String> fields = new ArrayList<>();
      Matcher inputs = Pattern.compile("<input([^>]*)>").matcher(inner);
      while (inputs.find()) {
        String name = attribute(inputs.group(1), "name");
        if (!name.isEmpty()) {
          fields.add(
              URLEncoder.encode(name, StandardCharsets.UTF_8)
                  + "="
                  + URLEncoder.encode(attribute(inputs.group(1), "value"), StandardCharsets.UTF_8));
        }
      }
      return send(
          request(action.isEmpty() ? page.uri().toString() : action)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields)))
              .build());
    }
    throw new AssertionError("no form with a button '" + button + "' in page:\n" + page.body());
  }

  private static String attribute(String tag, String name) {
    Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
    return value.find()
        ? value
            .group(1)
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
        : "";
  }

  /** Follows redirects within our base URL until a response that is not a redirect, or leaves. */
  public HttpResponse<String> follow(HttpResponse<String> response) {
    HttpResponse<String> current = response;
    for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
      String location = location(current);
      if (!location.startsWith("/") && !location.startsWith(baseUrl)) {
        return current;
      }
      current = get(location);
    }
    return current;
  }

  /** Signs in through the login form; returns the response to the form post. */
  public HttpResponse<String> signIn(String email, String password) {
    String csrf = csrfToken(get("/login").body());
    return postForm("/login", Map.of("username", email, "password", password, "_csrf", csrf));
  }

  public static String csrfToken(String html) {
    String token = formField(html, "_csrf");
    if (token.isEmpty()) {
      throw new AssertionError("empty CSRF token in page:\n" + html);
    }
    return token;
  }

  /** The value of the form field {@code name} (attributes in either order). */
  public static String formField(String html, String name) {
    String quoted = Pattern.quote(name);
    Matcher matcher =
        Pattern.compile(
                "name=\""
                    + quoted
                    + "\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\""
                    + quoted
                    + "\"")
            .matcher(html);
    if (!matcher.find()) {
      throw new AssertionError("no field " + name + " in page:\n" + html);
    }
    return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
  }

  public static boolean isRedirect(HttpResponse<?> response) {
    return response.statusCode() >= 300 && response.statusCode() < 400;
  }

  public static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  public static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private HttpRequest.Builder request(String pathOrUrl) {
    URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/html");
    headers.forEach(builder::header);
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
