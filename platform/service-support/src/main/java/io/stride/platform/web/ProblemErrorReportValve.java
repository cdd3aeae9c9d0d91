package io.stride.platform.web;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error reports as problem+json: errors Tomcat answers before any filter or servlet
 * runs (e.g. {@code %2F}, {@code %5C} or {@code %00} in the path), which never reach {@code
 * /error}. Installed as the host's error report valve ({@link WebErrorsAutoConfiguration}).
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    try {
      response.resetBuffer();
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      PrintWriter writer = response.getReporter();
      if (writer != null) {
        writer.write(
            Problems.json(
                known != null
                    ? ProblemErrorController.problem(known)
                    : ProblemDetail.forStatus(status)));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was committed meanwhile: nothing left to tell
    }
  }
}
