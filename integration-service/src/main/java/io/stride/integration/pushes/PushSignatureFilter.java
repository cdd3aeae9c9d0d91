package io.stride.integration.pushes;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Partners' pushes carry no token: the body is read here (at most {@link #MAX_BODY_BYTES}), its
 * signature checked ({@link PushVerifier}), and only a verified request goes on, with the body
 * replayed for the controller and the {@link SignedPush} as a request attribute. Refused: 401, and
 * 413 for a body past the limit.
 */
@Component
class PushSignatureFilter extends OncePerRequestFilter {

  static final String PREFIX = "/api/v1/partner-pushes/";
  static final String ATTRIBUTE = SignedPush.class.getName();

  /** A 6 MiB file in base64 and the JSON around it (the gateway's limit for the route). */
  static final int MAX_BODY_BYTES = 9 * 1024 * 1024;

  private final PushVerifier verifier;
  private final MeterRegistry meters;

  PushSignatureFilter(PushVerifier verifier, MeterRegistry meters) {
    this.verifier = verifier;
    this.meters = meters;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(PREFIX);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getContentLengthLong() > MAX_BODY_BYTES ? null : read(request);
    if (body == null) {
      count("too-large");
      Problems.write(
          response,
          Problems.problem(
              HttpStatus.CONTENT_TOO_LARGE,
              "payload-too-large",
              "Payload too large",
              "A push body is at most "
                  + MAX_BODY_BYTES
                  + " bytes: a file of at most 6 MiB, base64-encoded, in its JSON."));
      return;
    }
    String rest = request.getRequestURI().substring(PREFIX.length());
    int slash = rest.indexOf('/');
    SignedPush signed;
    try {
      signed =
          verifier.verify(
              slash < 0 ? rest : rest.substring(0, slash),
              request.getHeader("webhook-id"),
              request.getHeader("webhook-timestamp"),
              request.getHeader("webhook-signature"),
              body);
    } catch (UnsignedPushException e) {
      count("unsigned");
      Problems.write(
          response,
          Problems.problem(
              HttpStatus.UNAUTHORIZED, "unsigned-push", "Push not signed", e.getMessage()));
      return;
    }
    request.setAttribute(ATTRIBUTE, signed);
    chain.doFilter(new ReplayedBody(request, body), response);
  }

  private void count(String outcome) {
    meters.counter(Pushes.METER, "outcome", outcome).increment();
  }

  /** The whole body, or null past the limit (a body without a length is counted as read). */
  private static byte[] read(HttpServletRequest request) throws IOException {
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      return bytes.length > MAX_BODY_BYTES ? null : bytes;
    }
  }

  /** The request with its body, already read, read again. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
