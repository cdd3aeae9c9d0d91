package io.stride.workout.readings;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts {@code Content-Encoding: gzip} on reading batches (trackers on metered links compress),
 * inflating at most {@link #MAX_INFLATED_BYTES}: a body that inflates past it fails to parse and is
 * answered 400, never read into memory whole.
 */
@Component
class GzipRequestFilter extends OncePerRequestFilter {

  static final long MAX_INFLATED_BYTES = 16L * 1024 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"gzip".equalsIgnoreCase(request.getHeader(HttpHeaders.CONTENT_ENCODING))
        || !request.getRequestURI().startsWith("/api/v1/readings");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new Inflated(request), response);
  }

  private static final class Inflated extends HttpServletRequestWrapper {

    private ServletInputStream stream;

    Inflated(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CappedStream(new GZIPInputStream(super.getInputStream(), 8192));
      }
      return stream;
    }

    @Override
    public String getHeader(String name) {
      return isRemoved(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isRemoved(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public long getContentLengthLong() {
      return -1;
    }

    @Override
    public int getContentLength() {
      return -1;
    }

    private static boolean isRemoved(String name) {
      return HttpHeaders.CONTENT_ENCODING.equalsIgnoreCase(name)
          || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name);
    }
  }

  private static final class CappedStream extends ServletInputStream {

    private final InputStream inflated;
    private long read;
    private boolean finished;

    CappedStream(InputStream inflated) {
      this.inflated = inflated;
    }

    @Override
    public int read() throws IOException {
      int b = inflated.read();
      count(b < 0 ? -1 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = inflated.read(buffer, offset, length);
      count(n);
      return n;
    }

    private void count(int n) throws IOException {
      if (n < 0) {
        finished = true;
        return;
      }
      read += n;
      if (read > MAX_INFLATED_BYTES) {
        throw new IOException(
            "The gzip'd body inflates beyond " + MAX_INFLATED_BYTES / (1024 * 1024) + " MB.");
      }
    }

    @Override
    public boolean isFinished() {
      return finished;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException("blocking reads only");
    }
  }
}
